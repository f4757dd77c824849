import { EmptyState } from '../../components/states';
import { useI18n } from '../../i18n';
import type { DistrictSummary } from './DistrictLayout';

/** Shown on every district page until the district's plan is imported. */
export function NoPlan({ district }: { district: DistrictSummary }) {
  const { t } = useI18n();
  return (
    <EmptyState title={t('district.noPlan.title')}>
      {t('district.noPlan.body', { name: district.name })}
    </EmptyState>
  );
}
