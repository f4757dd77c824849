export * from './target';
export * from './table';
export { cleanText, plainLine, splitUnit } from './text';
export * from './document';
export { readTextDocument } from './text-document';
export { assignedLevel } from './cell';
export { findMainTable, readDocumentRows } from './document-table';
export {
  readTextTargets,
  type TextTarget,
  type TextTargets,
  type TextMiss,
  type TextReading,
} from './text-targets';
export { readerMessage, readerMessages } from './reader-messages';
