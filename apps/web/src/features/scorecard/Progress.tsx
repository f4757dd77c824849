import { comparatorWords } from '@pm/core';
import { ProgressBar } from '../../components/ProgressBar';
import { useI18n, type Locale, type Translate } from '../../i18n';
import { langOf } from '../../i18n/words';
import { num, pct } from '../../lib/format';
import type { ScorecardRow } from './types';

type Row = Pick<
  ScorecardRow,
  | 'form'
  | 'status'
  | 'completion'
  | 'timeProgress'
  | 'averageRate'
  | 'band'
  | 'years'
  | 'latestValue'
  | 'latestYear'
  | 'projection'
  | 'requiredPace'
  | 'requiredRate'
  | 'trend'
  | 'unit'
>;

export function bandText(band: ScorecardRow['band'], t: Translate, locale: Locale) {
  if (!band) return '—';
  const low = num(band.low, locale);
  const high = num(band.high, locale);
  if (band.low !== null && band.high !== null) return t('scorecard.band.both', { low, high });
  const lang = langOf(locale);
  return band.low !== null
    ? t('scorecard.band.low', { low, word: comparatorWords.at_least[lang] })
    : t('scorecard.band.high', { high, word: comparatorWords.at_most[lang] });
}

/** Where an average rate stands against its band, on a scale around both. */
function RateGauge({ row }: { row: Row }) {
  const { t, locale } = useI18n();
  const { band, averageRate: avg } = row;
  const marks = [band?.low, band?.high, avg].filter((x): x is number => typeof x === 'number');
  const label =
    avg === null
      ? t('scorecard.rateNoAverage', { band: bandText(band, t, locale) })
      : t('scorecard.rate', { average: `${num(avg, locale)}%`, band: bandText(band, t, locale) });
  if (marks.length === 0) return <span className="muted">{label}</span>;
  const lo = Math.min(...marks) - 2;
  const hi = Math.max(...marks) + 2;
  const at = (x: number) => `${((x - lo) / (hi - lo)) * 100}%`;
  return (
    <span className="progress-cell">
      <span className={`gauge bar-${row.status}`} role="img" aria-label={label} title={label}>
        <span
          className="gauge-band"
          style={{
            left: at(band?.low ?? lo),
            right: `calc(100% - ${at(band?.high ?? hi)})`,
          }}
        />
        {avg !== null && <span className="gauge-dot" style={{ left: at(avg) }} />}
      </span>
      <span className="progress-text" aria-hidden="true">
        {label}
      </span>
    </span>
  );
}

function Latest({ row }: { row: Row }) {
  const { t, locale } = useI18n();
  return (
    <span className="muted">
      {row.latestValue === null
        ? t('scorecard.noValue')
        : t('scorecard.latest', {
            value: t('scorecard.valueInYear', {
              value: `${num(row.latestValue, locale)}${row.unit}`,
              year: row.latestYear ?? '',
            }),
          })}
    </span>
  );
}

function YearChecks({ row }: { row: Row }) {
  const { t } = useI18n();
  if (row.years.length === 0) return <span className="muted">{t('scorecard.noValue')}</span>;
  return (
    <ul className="checks">
      {row.years.map((y) => {
        const state = y.met === null ? 'open' : y.met ? 'met' : 'breached';
        return (
          <li key={y.year} className={`check check-${state}`}>
            <span aria-hidden="true">
              {state === 'met' ? '✓' : state === 'breached' ? '✕' : '…'}
            </span>{' '}
            {t(`scorecard.check.${state}`, { year: y.year })}
          </li>
        );
      })}
    </ul>
  );
}

/** The progress of one indicator, drawn the way its target form reads. */
export function Progress({ row }: { row: Row }) {
  const { t } = useI18n();
  switch (row.form) {
    case 'level':
    case 'cumulative': {
      if (row.completion === null) return <Latest row={row} />;
      const label = t('scorecard.progress', {
        completion: pct(row.completion),
        time: pct(row.timeProgress),
      });
      return (
        <span className="progress-cell">
          <ProgressBar
            value={row.completion}
            marker={row.timeProgress}
            label={label}
            tone={row.status}
          />
          <span className="progress-text" aria-hidden="true">
            {label}
          </span>
        </span>
      );
    }
    case 'annual_rate':
      return <RateGauge row={row} />;
    case 'monitor':
      return <Latest row={row} />;
    default:
      return <YearChecks row={row} />;
  }
}

/** "Will we make it?" (spec §4): likely or at risk, and the yearly pace needed from now on. */
export function Outlook({ row }: { row: Row }) {
  const { t, locale } = useI18n();
  if (row.projection === null)
    return <span className="muted">{t('scorecard.projection.none')}</span>;
  let pace: string | null = null;
  if (row.form === 'annual_rate' && row.requiredRate !== null)
    pace = t('scorecard.pace.rate', { rate: num(row.requiredRate, locale) });
  else if (row.requiredPace === 0) pace = t('scorecard.pace.done');
  else if (row.requiredPace !== null && row.trend !== null)
    pace = t(`scorecard.pace.${row.trend}`, {
      pace: num(row.requiredPace, locale),
      unit: row.unit,
    });
  return (
    <span className="outlook">
      <span className={`outlook-${row.projection}`}>
        <span aria-hidden="true">{row.projection === 'likely' ? '↗ ' : '⚠ '}</span>
        {t(`scorecard.projection.${row.projection}`)}
      </span>
      {pace && <span className="muted small">{pace}</span>}
    </span>
  );
}
