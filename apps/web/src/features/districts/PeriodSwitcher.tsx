import { Link, useLocation } from 'react-router';
import type { PeriodSpan } from '@pm/core';
import { useI18n } from '../../i18n';
import { planLabel, planName, PERIOD_PARAM } from '../../lib/period';

/** What a page's URL keeps across periods: where the league is (a province, a city, a search). */
const KEPT = ['province', 'city', 'q', 'show'] as const;

/**
 * 十四五 | 十五五: links to the same page of another period. The year, round and mode in the URL
 * belong to the plan being left, so they are dropped; the region and the search are not a plan's
 * and are kept.
 */
export function PeriodSwitcher({
  plans,
  current,
}: {
  plans: readonly (PeriodSpan & { period: string })[];
  current: string | undefined;
}) {
  const { t, locale } = useI18n();
  const { pathname, search } = useLocation();
  const here = new URLSearchParams(search);
  const kept = (period: string) => {
    const next = new URLSearchParams({ [PERIOD_PARAM]: period });
    for (const k of KEPT) {
      const v = here.get(k);
      if (v) next.set(k, v);
    }
    return next.toString();
  };
  return (
    <nav className="period-switcher" aria-label={t('period.switcher')}>
      {plans.map((p) => (
        <Link
          key={p.period}
          to={`${pathname}?${kept(p.period)}`}
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
