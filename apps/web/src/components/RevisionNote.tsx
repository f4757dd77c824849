import { revisionNote, type RevisionInForce } from '@pm/core';
import { useI18n, type Locale } from '../i18n';
import { langOf } from '../i18n/words';
import './status.css';

/** 动态调整 in core's words: "原目标 70，2024 年调整为 65". */
export const noteText = (r: RevisionInForce, locale: Locale) =>
  revisionNote(r.fromYear, r.originalText, r.revisedText)[langOf(locale)];

/** The revision in force beside a target, with the document that revised it. */
export function RevisionNote({ revision }: { revision: RevisionInForce }) {
  const { t, locale } = useI18n();
  return (
    <span className="reason revision">
      <span aria-hidden="true">↻ </span>
      {t('scorecard.revision', { note: noteText(revision, locale), document: revision.document })}
    </span>
  );
}
