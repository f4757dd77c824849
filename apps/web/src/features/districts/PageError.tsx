import { Link, useLocation } from 'react-router';
import { defaultYear } from '@pm/core';
import { ErrorState } from '../../components/states';
import { useI18n } from '../../i18n';
import { messageKeyOf } from '../../lib/errors';
import { PERIOD_PARAM } from '../../lib/period';
import { useCurrentDistrict } from './DistrictLayout';

/**
 * A district page's query that failed. A year outside the plan (plan.yearOutside, the server's
 * words) is no outage: instead of retrying, it offers the year the plan opens at.
 */
export function PageError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const { plan, reportingYear } = useCurrentDistrict();
  if (messageKeyOf(error) !== 'plan.yearOutside' || !plan)
    return <ErrorState error={error} onRetry={onRetry} />;
  const year = defaultYear(plan, reportingYear);
  return (
    <ErrorState error={error}>
      <p>
        <Link to={`${pathname}?${PERIOD_PARAM}=${encodeURIComponent(plan.period)}&year=${year}`}>
          {t('period.yearOutside.open', { year })}
        </Link>
      </p>
    </ErrorState>
  );
}
