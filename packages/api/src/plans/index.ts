export {
  documentDraft,
  documentRefusal,
  readDraft,
  readDraftSchema,
  type DocumentDraft,
  type DraftReading,
  type DraftRow,
} from './draft';
export { DocumentReader, documentReader } from './document-reader';
