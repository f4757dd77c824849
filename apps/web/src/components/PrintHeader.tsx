import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { when } from '../lib/format';
import './print-header.css';

/**
 * What a printed page is about, on paper only: the district, the plan, the evaluation year, the
 * data basis (a finalized round, or live figures as approved when printed) and the print time,
 * taken again when the browser prints.
 */
export function PrintHeader({
  district,
  plan,
  year,
  basis,
}: {
  district: string;
  plan: string;
  year: number;
  basis: string;
}) {
  const { t, locale } = useI18n();
  const [printedAt, setPrintedAt] = useState(() => new Date());
  useEffect(() => {
    const take = () => setPrintedAt(new Date());
    window.addEventListener('beforeprint', take);
    return () => window.removeEventListener('beforeprint', take);
  }, []);
  return (
    <div className="print-header" data-testid="print-header">
      <span>{t('print.district', { district, plan })}</span>
      <span>{t('print.year', { year })}</span>
      <span>{t('print.basis', { basis })}</span>
      <span>{t('print.time', { time: when(printedAt, locale, true) })}</span>
    </div>
  );
}
