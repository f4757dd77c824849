import { useEffect } from 'react';
import { Outlet, useOutletContext } from 'react-router';
import { ErrorState, Loading } from '../../components/states';
import { useI18n } from '../../i18n';
import { place, rememberDistrict, useDistrict, useDistrictCode } from '../../lib/district';
import type { inferOutput } from '@trpc/tanstack-react-query';
import type { useTRPC } from '../../lib/trpc';

export type DistrictSummary = inferOutput<ReturnType<typeof useTRPC>['districts']['get']>;

/** Loads the district named in the URL once for every page under /d/:code. */
export function DistrictLayout() {
  const { t } = useI18n();
  const code = useDistrictCode() ?? '';
  const district = useDistrict(code);
  useEffect(() => {
    if (district.data) rememberDistrict(district.data.code);
  }, [district.data]);

  if (district.isPending) return <Loading />;
  if (district.isError)
    return <ErrorState error={district.error} onRetry={() => void district.refetch()} />;
  const d = district.data;
  return (
    <>
      <p className="district-meta">
        {place(d)} · {t('district.code', { code: d.code })} ·{' '}
        {t('district.indicatorCount', { count: d.indicatorCount })}
      </p>
      <Outlet context={d} />
    </>
  );
}

export function useCurrentDistrict(): DistrictSummary {
  return useOutletContext<DistrictSummary>();
}
