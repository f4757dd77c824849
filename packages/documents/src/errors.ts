/** What a file is when it is not a plan document we can read. */
export type FileKind =
  | 'excel'
  | 'powerpoint'
  | 'opendocument'
  | 'old-office'
  | 'zip'
  | 'archive'
  | 'image'
  | 'rtf'
  | 'mhtml'
  | 'binary'
  | 'docx'
  | 'pdf'
  | 'empty';

/** The kinds in both languages, for the message a person reads. */
export const FILE_KINDS: Record<FileKind, { zh: string; en: string }> = {
  excel: { zh: 'Excel 工作簿', en: 'an Excel workbook' },
  powerpoint: { zh: 'PowerPoint 演示文稿', en: 'a PowerPoint presentation' },
  opendocument: { zh: 'OpenDocument（WPS/LibreOffice）文件', en: 'an OpenDocument file' },
  'old-office': {
    zh: '旧版 Office 文件（.doc/.xls）或加密的 Office 文件',
    en: 'an old Office file (.doc/.xls) or a password-protected Office file',
  },
  zip: { zh: 'zip 压缩包', en: 'a zip archive' },
  archive: { zh: '压缩包', en: 'a compressed archive' },
  image: { zh: '图片', en: 'an image' },
  rtf: { zh: 'RTF 文件', en: 'an RTF file' },
  mhtml: { zh: '单个文件网页（.mht）', en: 'a single-file web page (.mht)' },
  binary: { zh: '二进制文件', en: 'a binary file' },
  docx: { zh: 'Word 文件', en: 'a Word file' },
  pdf: { zh: 'PDF 文件', en: 'a PDF file' },
  empty: { zh: '空文件', en: 'an empty file' },
};

/**
 * Why a file could not be read as a plan document: `not_a_document` (an Excel workbook, an
 * image, a binary file … — `kind` says which), `broken` (a damaged Word, zip or PDF file), or a
 * PDF that is `scanned` (no text layer) or `encrypted`. `message` is the English text for logs
 * and the CLI; `zh` the same in Chinese.
 */
export class DocumentError extends Error {
  constructor(
    readonly reason: 'not_a_document' | 'broken' | 'scanned' | 'encrypted',
    readonly kind: FileKind,
    message: string,
    readonly zh: string,
  ) {
    super(message);
    this.name = 'DocumentError';
  }
}

const resave = (kind: FileKind) =>
  kind === 'old-office' || kind === 'opendocument' || kind === 'rtf' || kind === 'mhtml';

/** The refusal for a file of `kind`, naming the file. */
export function notADocument(kind: FileKind, name: string): DocumentError {
  const { zh, en } = FILE_KINDS[kind];
  return new DocumentError(
    'not_a_document',
    kind,
    `${name} is ${en}, not a plan document: ` +
      (resave(kind)
        ? 'open it in Word or WPS and save it as .docx'
        : 'give the plan as Word (.docx), PDF, a web page (.html) or a text file'),
    `${name} 是${zh}，不是规划文档：` +
      (resave(kind)
        ? '请用 Word 或 WPS 打开，另存为 .docx 后再上传'
        : '请上传规划的 Word（.docx）、PDF、网页（.html）或文本文件'),
  );
}

/** A Word or PDF file that cannot be opened, with the reader's reason (English). */
export function brokenFile(kind: FileKind, name: string, why: string): DocumentError {
  const { zh, en } = FILE_KINDS[kind];
  return new DocumentError(
    'broken',
    kind,
    `${name} is ${en} that cannot be read (${why}): save it again and retry`,
    `${name} 是${zh}，但已损坏、无法读取（${why}）：请重新保存后再上传`,
  );
}
