/**
 * Plan documents as stored (text in any common encoding, markdown, HTML, Word .docx, PDF with a
 * text layer) read into core's PlanDocument, on the server only (issue 17).
 */
export { readPlanDocument } from './read';
export { decodeText, recognise, type Content, type Decoded } from './content';
export { readDocx } from './docx';
export { readHtml } from './html';
export { DocumentError, FILE_KINDS, type FileKind } from './errors';
