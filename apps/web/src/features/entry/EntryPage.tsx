import { useI18n } from '../../i18n';
import { useCurrentDistrict } from '../districts/DistrictLayout';
import { NoPlan } from '../districts/NoPlan';

export function EntryPage() {
  const { t } = useI18n();
  const district = useCurrentDistrict();
  return (
    <>
      <h1>{t('entry.title', { name: district.name })}</h1>
      <p className="intro">{t('entry.intro')}</p>
      {district.indicatorCount === 0 && <NoPlan district={district} />}
    </>
  );
}
