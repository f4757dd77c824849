import { useQuery } from '@tanstack/react-query';
import { PrintHeader } from '../../components/PrintHeader';
import { ErrorState, Loading } from '../../components/states';
import { StatusCounts } from '../../components/StatusCounts';
import { useI18n } from '../../i18n';
import { useWords } from '../../i18n/words';
import { num, pct, when } from '../../lib/format';
import type { Grading } from '../../lib/grades';
import { useTRPC } from '../../lib/trpc';
import { useCurrentDistrict } from '../districts/DistrictLayout';
import { NoPlan } from '../districts/NoPlan';
import { PageError } from '../districts/PageError';
import { BindingWarnings } from './BindingWarnings';
import { CategorySection } from './CategorySection';
import { passes, useScorecardFilters } from './filters';
import { ScorecardFilters } from './ScorecardFilters';
import { planYears, resolveMode, useScorecardParams, yearLabel } from './params';
import { shareOnTrackLabel, shareOnTrackDetail, warningDetail } from './summaryWords';
import type { Scorecard } from './types';
import './scorecard.css';

/** 总览: a district's scorecard at an evaluation year, binding warnings first. */
export function ScorecardPage() {
  const { t } = useI18n();
  const district = useCurrentDistrict();
  return (
    <>
      <h1>{t('overview.title', { name: district.name })}</h1>
      {district.plan && district.indicatorCount > 0 ? (
        <ScorecardBody period={district.plan.period} />
      ) : (
        <NoPlan district={district} />
      )}
    </>
  );
}

function ScorecardBody({ period }: { period: string }) {
  const district = useCurrentDistrict();
  const trpc = useTRPC();
  const { year, mode: asked } = useScorecardParams();
  const live = useQuery(
    trpc.scorecard.district.queryOptions({ district: district.code, period, year }),
  );
  const finalizable = !!live.data && live.data.finalizedYears.includes(live.data.year);
  // A finalized year opens on its finalized result; the live figures are one click away.
  const mode = resolveMode(asked, finalizable);
  const frozen = useQuery(
    trpc.scorecard.district.queryOptions(
      { district: district.code, period, year: live.data?.year, mode: 'finalized' },
      { enabled: mode === 'finalized' },
    ),
  );
  if (live.isPending) return <Loading />;
  if (live.isError) return <PageError error={live.error} onRetry={() => void live.refetch()} />;
  if (mode === 'finalized') {
    if (frozen.isPending) return <Loading />;
    if (frozen.isError)
      return <ErrorState error={frozen.error} onRetry={() => void frozen.refetch()} />;
    return <ScorecardView card={frozen.data} finalizable />;
  }
  return <ScorecardView card={live.data} finalizable={finalizable} />;
}

/** Which figures the page shows, and the way to the other ones. */
function BasisNotice({ card, finalizable }: { card: Scorecard; finalizable: boolean }) {
  const { t, locale } = useI18n();
  const { set } = useScorecardParams();
  if (card.round)
    return (
      <p className="notice basis-notice" role="status">
        {t('scorecard.finalizedNotice', {
          year: card.year,
          date: when(card.round.finalizedAt, locale),
          by: card.round.finalizedBy ?? '—',
        })}{' '}
        <button type="button" className="link no-print" onClick={() => set({ mode: 'live' })}>
          {t('scorecard.showLive')}
        </button>
      </p>
    );
  if (!finalizable) return null;
  return (
    <p className="notice basis-notice basis-live" role="status">
      {t('scorecard.liveNotice', { year: card.year })}{' '}
      <button type="button" className="link no-print" onClick={() => set({ mode: 'finalized' })}>
        {t('scorecard.showFinalized')}
      </button>
    </p>
  );
}

function Controls({ card, finalizable }: { card: Scorecard; finalizable: boolean }) {
  const { t } = useI18n();
  const { set } = useScorecardParams();
  return (
    <div className="controls no-print">
      <label className="inline-field">
        {t('scorecard.year')}
        <select value={card.year} onChange={(e) => set({ year: Number(e.target.value) })}>
          {planYears(card.plan).map((y) => (
            <option key={y} value={y}>
              {t(yearLabel(card.plan, y), { year: y })}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="segmented">
        <legend>{t('scorecard.mode')}</legend>
        {(['live', 'finalized'] as const).map((m) => (
          <label key={m}>
            <input
              type="radio"
              name="mode"
              value={m}
              checked={card.mode === m}
              disabled={m === 'finalized' && !finalizable}
              onChange={() => set({ mode: m })}
            />
            {t(`scorecard.mode.${m}`)}
          </label>
        ))}
        {!finalizable && <small>{t('scorecard.mode.unavailable')}</small>}
      </fieldset>
      <button type="button" className="secondary" onClick={() => window.print()}>
        {t('scorecard.print')}
      </button>
    </div>
  );
}

function ScorecardView({ card, finalizable }: { card: Scorecard; finalizable: boolean }) {
  const { t, locale } = useI18n();
  const words = useWords();
  const { filters, set, clear } = useScorecardFilters();
  const shown = card.indicators.filter((i) => passes(i, filters));
  const categories = [...new Set(shown.map((i) => i.category))];
  const grading: Grading = { rules: card.rules, phases: card.summary.phases };
  return (
    <div className="scorecard">
      <PrintHeader
        district={card.district.name}
        plan={card.plan.title}
        year={card.year}
        finalized={card.round}
      />
      <p className="intro">
        {t('scorecard.subtitle', {
          plan: card.plan.title,
          // 规划期 is B+1..Y (2021—2025 for 十四五); B is its baseline year.
          from: card.plan.baselineYear + 1,
          to: card.plan.targetYear,
        })}
      </p>
      <Controls card={card} finalizable={finalizable} />
      {card.demo && (
        <p className="demo-notice" role="note">
          <span className="demo-tag">{t('scorecard.demo')}</span> {t('scorecard.demoNotice')}
        </p>
      )}
      <BasisNotice card={card} finalizable={finalizable} />
      <section className="tiles" aria-label={t('scorecard.counts')}>
        <div className="tile">
          <span className="tile-label">{t('scorecard.completeness')}</span>
          <span className="tile-value">{pct(card.completeness.share)}</span>
          <span className="tile-detail">
            {t('scorecard.completenessDetail', {
              reported: card.completeness.reported,
              total: card.completeness.total,
              year: card.year,
            })}
          </span>
        </div>
        <div className="tile">
          <span className="tile-label">{shareOnTrackLabel(grading, t, words)}</span>
          <span className="tile-value">{pct(card.summary.shareOnTrack)}</span>
          <span className="tile-detail">
            {shareOnTrackDetail(grading, num(card.summary.assessed, locale), t, words)}
          </span>
        </div>
        <div className="tile">
          <span className="tile-label">{t('scorecard.warningCount')}</span>
          <span className={`tile-value${card.summary.bindingWarnings.length ? ' tile-bad' : ''}`}>
            {card.summary.bindingWarnings.length}
          </span>
          <span className="tile-detail">{warningDetail(grading, t, words)}</span>
        </div>
        <div className="tile tile-wide">
          <span className="tile-label">{t('scorecard.counts')}</span>
          <StatusCounts counts={card.summary.byStatus} grading={grading} />
        </div>
      </section>
      <BindingWarnings card={card} />
      <ScorecardFilters
        rows={card.indicators}
        grading={grading}
        filters={filters}
        shown={shown.length}
        onChange={set}
        onClear={clear}
      />
      {shown.length === 0 && (
        <p className="muted filter-none">
          {t('filters.none')}{' '}
          <button type="button" className="secondary" onClick={clear}>
            {t('filters.clear')}
          </button>
        </p>
      )}
      {categories.map((c) => (
        <CategorySection
          key={c}
          card={card}
          category={c}
          rows={shown.filter((i) => i.category === c)}
        />
      ))}
    </div>
  );
}
