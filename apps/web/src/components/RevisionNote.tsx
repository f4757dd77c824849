import {
  planTarget,
  revisionAt,
  revisionWords,
  type Indicator,
  type RevisionInForce,
  type TargetRevision,
} from '@pm/core';
import { useI18n, type Locale, type MessageKey } from '../i18n';
import { langOf } from '../i18n/words';
import { when } from '../lib/format';
import './status.css';
import './revision.css';

/** 动态调整 in core's words: "原目标 70，2024 年调整为 65". */
export const noteText = (r: RevisionInForce, locale: Locale) =>
  revisionWords(r.fromYear, r.originalText, r.revisedText)[langOf(locale)];

/** The revision in force beside a target, with the document that revised it and, on hover, why. */
export function RevisionNote({ revision }: { revision: RevisionInForce }) {
  const { t, locale } = useI18n();
  return (
    <span className="reason revision" title={revision.reason}>
      <span aria-hidden="true">↻ </span>
      {t('scorecard.revision', { note: noteText(revision, locale), document: revision.document })}
    </span>
  );
}

/** Where a revision stands at the view's year: in force, not yet, or replaced (later, or corrected). */
function standing(
  r: TargetRevision,
  index: number,
  all: readonly TargetRevision[],
  inForce: TargetRevision | null,
  year: number,
): [MessageKey, Record<string, number>] {
  if (r === inForce) return ['revisions.inForce', { year }];
  if (r.fromYear > year) return ['revisions.later', { year: r.fromYear }];
  const corrected = all.some((o, k) => k > index && o.fromYear === r.fromYear);
  return [corrected ? 'revisions.corrected' : 'revisions.earlier', {}];
}

/**
 * Every revision of an indicator's target in the order they were made, beside the original, with
 * who made each and when, and which one is in force at the view's `year`.
 */
export function RevisionHistory({ indicator, year }: { indicator: Indicator; year: number }) {
  const { t, locale } = useI18n();
  const revisions = indicator.revisions;
  if (revisions.length === 0) return null;
  const inForce = revisionAt(indicator, year);
  return (
    <div className="revision-history">
      <p className="muted">{t('revisions.original', { text: planTarget(indicator.raw) ?? '—' })}</p>
      <div
        className="table-wrap"
        role="group"
        aria-label={t('revisions.title')}
        // Focusable: a keyboard can scroll the table when it is wider than the page.
        tabIndex={0}
      >
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('revisions.col.from')}</th>
              <th scope="col">{t('revisions.col.target')}</th>
              <th scope="col">{t('revisions.col.document')}</th>
              <th scope="col">{t('revisions.col.reason')}</th>
              <th scope="col">{t('revisions.col.by')}</th>
              <th scope="col">{t('revisions.col.when')}</th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((r, i) => {
              const [key, params] = standing(r, i, revisions, inForce, year);
              return (
                <tr key={`${r.fromYear}-${i}`} className={r === inForce ? 'in-force' : undefined}>
                  <td>{r.fromYear}</td>
                  <td>
                    {r.text ?? '—'}{' '}
                    <span className={`tag${r === inForce ? ' tag-in-force' : ''}`}>
                      {t(key, params)}
                    </span>
                  </td>
                  <td>{r.document}</td>
                  <td>{r.reason}</td>
                  <td>{r.revisedBy ?? '—'}</td>
                  <td>{when(r.revisedAt, locale, true)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
