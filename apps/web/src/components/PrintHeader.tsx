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
  finalized,
}: {
  district: string;
  plan: string;
  year: number;
  /** The finalized round the page shows; null: live figures. */
  finalized: { finalizedAt: string | Date | null } | null;
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
      <span>
        {t('print.basis', {
          basis: finalized
            ? t('print.basis.finalized', { year, date: when(finalized.finalizedAt, locale) })
            : t('print.basis.live'),
        })}
      </span>
      <span>{t('print.time', { time: when(printedAt, locale, true) })}</span>
    </div>
  );
}
