import { useQuery } from '@tanstack/react-query';
import { COMPLETENESS_STATES } from '@pm/core';
import { useI18n } from '../../i18n';
import { useWords } from '../../i18n/words';
import { useTRPC } from '../../lib/trpc';

/** How far the year is: indicators by the least advanced state of their figures. */
export function Completeness({
  district,
  period,
  year,
}: {
  district: string;
  period: string;
  year: number;
}) {
  const { t } = useI18n();
  const words = useWords();
  const trpc = useTRPC();
  const query = useQuery(trpc.values.completeness.queryOptions({ district, period, year }));
  const data = query.data?.[0];
  if (!data) return null;
  const shown = [...COMPLETENESS_STATES].reverse();
  return (
    <section className="entry-completeness" aria-label={t('entry.completeness.label')}>
      <p>
        {t('entry.completeness.summary', { year, total: data.total })}{' '}
        {shown.map((state) => (
          <span key={state} className={`entry-count state-${state}`}>
            {state === 'missing'
              ? t('entry.completeness.missing', { count: data.counts.missing })
              : t('entry.completeness.count', {
                  state: words.valueState(state),
                  count: data.counts[state],
                })}
          </span>
        ))}
        {data.demo > 0 && (
          <span className="entry-badge demo">
            {t('entry.completeness.demo', { count: data.demo })}
          </span>
        )}
      </p>
      <div className="entry-bar" aria-hidden="true">
        {shown.map((state) =>
          data.counts[state] > 0 ? (
            <span
              key={state}
              className={`state-${state}`}
              style={{ flexGrow: data.counts[state] }}
            />
          ) : null,
        )}
      </div>
    </section>
  );
}
