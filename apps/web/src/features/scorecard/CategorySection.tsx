import { Link } from 'react-router';
import { RevisionNote } from '../../components/RevisionNote';
import { StatusBadge } from '../../components/StatusBadge';
import { useI18n } from '../../i18n';
import { useWords } from '../../i18n/words';
import { indicatorPath } from './params';
import { ChangeArrow } from './ChangeArrow';
import { Outlook, Progress } from './Progress';
import type { Scorecard, ScorecardRow } from './types';

interface Props {
  card: Scorecard;
  category: string;
  rows: ScorecardRow[];
}

/** One category of the plan: every indicator with its progress, status, reason and outlook. */
export function CategorySection({ card, category, rows }: Props) {
  const { t, locale } = useI18n();
  const words = useWords();
  const id = `category-${rows[0]?.seq ?? 0}`;
  return (
    <section className="category" aria-labelledby={id}>
      <h2 id={id}>{t('scorecard.category', { name: category || '—', count: rows.length })}</h2>
      <div className="table-wrap">
        <table className="table indicators">
          <thead>
            <tr>
              <th scope="col">{t('scorecard.col.indicator')}</th>
              <th scope="col">{t('scorecard.col.progress')}</th>
              <th scope="col">{t('scorecard.col.status')}</th>
              <th scope="col">{t('scorecard.col.outlook')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.seq} className={r.bindingWarning ? 'row-warning' : undefined}>
                <th scope="row" data-label={t('scorecard.col.indicator')}>
                  <Link to={indicatorPath(card, r.seq)}>
                    {r.seq}. {r.name}
                  </Link>
                  <span className="tags">
                    {r.unit && <span className="muted small">{r.unit}</span>}
                    <span className={`tag tag-${r.attribute}`}>{words.attribute(r.attribute)}</span>
                    {r.demo && <span className="demo-tag">{t('scorecard.demo')}</span>}
                  </span>
                </th>
                <td data-label={t('scorecard.col.progress')}>
                  <Progress row={r} />
                  <ChangeArrow change={r.change} unit={r.unit} />
                </td>
                <td data-label={t('scorecard.col.status')}>
                  <StatusBadge status={r.status} phase={r.phase} rules={card.rules} />
                  <span className="reason">{locale === 'en' ? r.reason.en : r.reason.zh}</span>
                  {r.override && (
                    <span className="reason override">
                      {t('scorecard.overridden', {
                        status: words.status(r.override.computed, {
                          phase: r.phase,
                          rules: card.rules,
                        }),
                        reason: r.override.reason ?? '',
                      })}
                    </span>
                  )}
                  {r.revision && <RevisionNote revision={r.revision} />}
                </td>
                <td data-label={t('scorecard.col.outlook')}>
                  <Outlook row={r} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
