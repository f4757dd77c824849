import { Link, useLocation } from 'react-router';
import type { PeriodSpan } from '@pm/core';
import { useI18n } from '../../i18n';
import { planLabel, planName, PERIOD_PARAM } from '../../lib/period';

/**
 * 十四五 | 十五五: links to the same page of another period. The year, round and mode in the URL
 * belong to the plan being left, so only the period is kept.
 */
export function PeriodSwitcher({
  plans,
  current,
}: {
  plans: readonly (PeriodSpan & { period: string })[];
  current: string | undefined;
}) {
  const { t, locale } = useI18n();
  const { pathname } = useLocation();
  return (
    <nav className="period-switcher" aria-label={t('period.switcher')}>
      {plans.map((p) => (
        <Link
          key={p.period}
          to={`${pathname}?${PERIOD_PARAM}=${encodeURIComponent(p.period)}`}
          aria-current={p.period === current ? 'page' : undefined}
          title={planLabel(p, locale)}
          aria-label={t('period.open', { label: planLabel(p, locale) })}
        >
          {planName(p, locale)}
        </Link>
      ))}
    </nav>
  );
}
