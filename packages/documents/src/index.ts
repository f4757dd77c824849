/**
 * Plan documents as stored (text in any common encoding, markdown, HTML, Word .docx, PDF with a
 * text layer) read into core's PlanDocument, on the server only (issue 17).
 */
export {};
