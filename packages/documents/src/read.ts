import { readTextDocument, type PlanDocument } from '@pm/core';
import { isHtml, recognise, type Decoded } from './content';
import { readDocx } from './docx';
import { readHtml } from './html';
import { DocumentError } from './errors';
import { PdfReadError, readPdf } from './pdf';

/**
 * Reads a plan document as stored — PDF, Word .docx, a saved web page, text or markdown in any
 * common encoding — recognised by its content, never by its name. A file that is no plan
 * document (an Excel workbook, an image, a binary file …) is refused with a DocumentError
 * saying what it is (a PDF that is a scan or encrypted too).
 */
export async function readPlanDocument(bytes: Uint8Array, name: string): Promise<PlanDocument> {
  const content = recognise(bytes, name);
  if (content.format === 'pdf') return readPdf(bytes, name).catch(asDocumentError);
  if (content.format === 'docx') return readDocx(bytes, name);
  const { decoded } = content;
  const html = isHtml(decoded.text);
  const doc = html ? readHtml(decoded.text, name) : readTextDocument(decoded.text, name);
  if (decoded.replaced === 0) return doc;
  return { ...doc, problems: [...doc.problems, undecodable(decoded, !html)] };
}

/** A few bytes the file's encoding has no character for: said, with the first line holding one. */
function undecodable({ text, encoding, replaced }: Decoded, lines: boolean) {
  const at = text.indexOf('\uFFFD');
  const line = text.slice(0, at).split(/\r\n|\r|\n/).length;
  return {
    place: lines ? { line } : {},
    message: `${replaced} byte sequence(s) are not ${encoding} text and show as �: check those cells`,
  };
}

function asDocumentError(error: unknown): never {
  if (error instanceof PdfReadError)
    throw new DocumentError(error.reason, 'pdf', error.message, error.zh);
  throw error;
}
