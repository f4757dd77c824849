import { useI18n } from '../../i18n';
import { useCurrentDistrict } from '../districts/DistrictLayout';
import { NoPlan } from '../districts/NoPlan';

export function OverviewPage() {
  const { t } = useI18n();
  const district = useCurrentDistrict();
  return (
    <>
      <h1>{t('overview.title', { name: district.name })}</h1>
      {district.indicatorCount === 0 ? <NoPlan district={district} /> : <p>{district.planTitle}</p>}
    </>
  );
}
