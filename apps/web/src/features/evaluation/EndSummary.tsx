import { endBindingText, endBindingWarnings, endSummaryText } from '@pm/core';
import { useI18n } from '../../i18n';
import { langOf } from '../../i18n/words';
import { pct } from '../../lib/format';
import type { EvaluationView } from './types';

/**
 * The outcome of a final evaluation (总结评估) in core's words, by the statuses that stand:
 * 共 N 项指标：完成…、基本完成…、未完成…, the share achieved, then the binding indicators not achieved.
 */
export function EndSummary({ view }: { view: EvaluationView }) {
  const { t, locale } = useI18n();
  const lang = langOf(locale);
  const items = view.items.map((i) => ({ ...i, status: i.finalStatus }));
  const warned = endBindingWarnings(items).length > 0;
  return (
    <section className="end-summary" aria-labelledby="end-summary-title">
      <h3 id="end-summary-title">{t('evaluation.end.title')}</h3>
      <p>{endSummaryText(items, view.round.year)[lang]}</p>
      <p>
        {t('evaluation.end.share', {
          share: pct(view.summary.shareOnTrack),
          assessed: view.summary.assessed,
        })}
      </p>
      <p className={warned ? 'end-binding warn' : 'end-binding'}>{endBindingText(items)[lang]}</p>
    </section>
  );
}
