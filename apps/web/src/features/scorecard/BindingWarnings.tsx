import { Link } from 'react-router';
import { RevisionNote } from '../../components/RevisionNote';
import { StatusBadge } from '../../components/StatusBadge';
import { useI18n } from '../../i18n';
import { useWords } from '../../i18n/words';
import { num } from '../../lib/format';
import { indicatorPath } from './params';
import type { Scorecard } from './types';

/** 约束性指标预警: what leaders and reviewers read first. */
export function BindingWarnings({ card }: { card: Scorecard }) {
  const { t, locale } = useI18n();
  const words = useWords();
  const rows = card.summary.bindingWarnings
    .map((seq) => card.indicators.find((i) => i.seq === seq))
    .filter((r) => r !== undefined);
  return (
    <section className="warnings" aria-labelledby="warnings-title">
      <h2 id="warnings-title">
        <span aria-hidden="true">⚠ </span>
        {t('scorecard.warnings.title')}
      </h2>
      {rows.length === 0 ? (
        <p className="muted">{t('scorecard.warnings.empty', { year: card.year })}</p>
      ) : (
        <ul className="warning-list">
          {rows.map((r) => (
            <li key={r.seq} className="warning">
              <div className="warning-head">
                <Link to={indicatorPath(card, r.seq)} className="warning-name">
                  {r.seq}. {r.name}
                </Link>
                <StatusBadge status={r.status} phase={r.phase} rules={card.rules} />
                {r.demo && <span className="demo-tag">{t('scorecard.demo')}</span>}
              </div>
              <p className="warning-reason">
                {r.override
                  ? t('scorecard.overridden', {
                      status: words.status(r.override.computed, {
                        phase: r.phase,
                        rules: card.rules,
                      }),
                      reason: r.override.reason ?? '',
                    })
                  : locale === 'en'
                    ? r.reason.en
                    : r.reason.zh}
              </p>
              <dl className="facts">
                <div>
                  <dt>{t('scorecard.warnings.latest')}</dt>
                  <dd>
                    {r.latestValue === null
                      ? t('scorecard.noValue')
                      : t('scorecard.valueInYear', {
                          value: `${num(r.latestValue, locale)}${r.unit}`,
                          year: r.latestYear ?? '',
                        })}
                  </dd>
                </div>
                <div>
                  <dt>{t('scorecard.warnings.target')}</dt>
                  <dd>
                    {r.targetText ?? num(r.target, locale)}
                    {r.form === 'assigned' &&
                      r.target !== null &&
                      r.latestYear !== null &&
                      `；${t('scorecard.assignedTarget', {
                        year: r.latestYear,
                        value: `${num(r.target, locale)}${r.unit}`,
                      })}`}
                    {r.revision && <RevisionNote revision={r.revision} />}
                  </dd>
                </div>
                <div>
                  <dt>{t('scorecard.warnings.department')}</dt>
                  <dd>{r.leadDepartment ?? t('scorecard.noDepartment')}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
