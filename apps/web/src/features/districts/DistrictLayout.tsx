import { useEffect } from 'react';
import { Navigate, Outlet, useOutletContext, useSearchParams } from 'react-router';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useI18n } from '../../i18n';
import { place, rememberDistrict, useDistrict, useDistrictCode } from '../../lib/district';
import {
  choosePeriod,
  planLabel,
  PERIOD_PARAM,
  useDistrictPeriods,
  yearParam,
  type PeriodChoice,
  type PlanRef,
} from '../../lib/period';
import type { inferOutput } from '@trpc/tanstack-react-query';
import type { useTRPC } from '../../lib/trpc';
import { PeriodSwitcher } from './PeriodSwitcher';

export type DistrictSummary = inferOutput<ReturnType<typeof useTRPC>['districts']['get']>;

/**
 * A district as its pages see it: through the plan of the period chosen, whose title and
 * indicator count replace the district's (which would count every plan together).
 */
export interface CurrentDistrict extends DistrictSummary {
  /** The plan the pages are about; null when the district has none. */
  plan: PlanRef | null;
  /** Every plan of the district, oldest first. */
  periods: PlanRef[];
  /** The year whose figures are being reported now (the server's). */
  reportingYear: number;
}

/**
 * Loads the district named in the URL and its plans once for every page under /d/:code, and
 * chooses the plan they are about: `?period=`, else the plan of `?year=`, else the server's
 * default. The URL is then made to name that period, so every link that keeps it keeps the plan.
 */
export function DistrictLayout() {
  const { t } = useI18n();
  const code = useDistrictCode() ?? '';
  const district = useDistrict(code);
  const periods = useDistrictPeriods(code);
  const [params] = useSearchParams();
  useEffect(() => {
    if (district.data) rememberDistrict(district.data.code);
  }, [district.data]);

  if (district.isError)
    return <ErrorState error={district.error} onRetry={() => void district.refetch()} />;
  if (periods.isError)
    return <ErrorState error={periods.error} onRetry={() => void periods.refetch()} />;
  if (district.isPending || periods.isPending) return <Loading />;
  const asked = params.get(PERIOD_PARAM);
  const choice = choosePeriod(periods.data, asked, yearParam(params));
  if (choice.kind === 'plan' && asked !== choice.plan.period) {
    const named = new URLSearchParams(params);
    named.set(PERIOD_PARAM, choice.plan.period);
    return <Navigate to={{ search: `?${named.toString()}` }} replace />;
  }
  const d = district.data;
  const plan = choice.kind === 'plan' ? choice.plan : null;
  const current: CurrentDistrict = {
    ...d,
    planTitle: plan?.title ?? null,
    indicatorCount: plan?.indicators ?? 0,
    plan,
    periods: periods.data.periods,
    reportingYear: periods.data.reportingYear,
  };
  return (
    <>
      <div className="district-head">
        <p className="district-meta">
          {place(d)} · {t('district.code', { code: d.code })}
          {plan && <> · {t('district.indicatorCount', { count: plan.indicators })}</>}
        </p>
        <PlanHeading plans={current.periods} plan={plan} />
      </div>
      {choice.kind === 'missing' || choice.kind === 'unreadable' ? (
        <PeriodProblem choice={choice} plans={current.periods} />
      ) : (
        <Outlet context={current} />
      )}
    </>
  );
}

/** Which plan the page is about (label and title), with the switcher when there are several. */
function PlanHeading({ plans, plan }: { plans: PlanRef[]; plan: PlanRef | null }) {
  const { t, locale } = useI18n();
  if (plans.length === 0) return null;
  return (
    <div className="plan-heading">
      {(plans.length > 1 || !plan) && <PeriodSwitcher plans={plans} current={plan?.period} />}
      {plan && (
        <p className="plan-name" aria-label={t('period.current')}>
          <strong>{planLabel(plan, locale)}</strong> <span>{plan.title}</span>
        </p>
      )}
    </div>
  );
}

function PeriodProblem({
  choice,
  plans,
}: {
  choice: Extract<PeriodChoice, { kind: 'missing' | 'unreadable' }>;
  plans: PlanRef[];
}) {
  const { t, locale } = useI18n();
  const list = plans.map((p) => planLabel(p, locale)).join(locale === 'en' ? ', ' : '、');
  return (
    <EmptyState title={t('period.problem.title')}>
      {choice.kind === 'unreadable'
        ? t('period.unreadable', { text: choice.text })
        : t('plan.noPeriod', {
            period: planLabel(choice.asked, locale),
            periods: list || t('period.none'),
          })}
    </EmptyState>
  );
}

export function useCurrentDistrict(): CurrentDistrict {
  return useOutletContext<CurrentDistrict>();
}
