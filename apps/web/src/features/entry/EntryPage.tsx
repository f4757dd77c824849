import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { choosePlan, defaultYear, type EntryGrid, type EntryRow } from '@pm/core';
import { EmptyState, Loading } from '../../components/states';
import { useI18n } from '../../i18n';
import { useMe } from '../../lib/auth';
import { errorMessage } from '../../lib/errors';
import { yearParam } from '../../lib/period';
import { useTRPC } from '../../lib/trpc';
import { useCurrentDistrict, type CurrentDistrict } from '../districts/DistrictLayout';
import { NoPlan } from '../districts/NoPlan';
import { PageError } from '../districts/PageError';
import { cellsOf } from './cells';
import { Completeness } from './Completeness';
import { EditGrid } from './EditGrid';
import { HistoryPanel } from './HistoryPanel';
import { ReviewGrid, useRefreshValues } from './ReviewGrid';
import { YearReview } from './YearReview';
import { useEntryEdits, type EntryPlan } from './useEntryEdits';
import { WorkbookTools } from './WorkbookTools';
import './entry.css';

/** The plan of the entry page, and whether edits kept before plans had periods are its own. */
function entryPlan(district: CurrentDistrict, period: string, year: number): EntryPlan {
  const ofYear = choosePlan(district.periods, { year }, district.reportingYear);
  return { district: district.code, period, ownsLegacyEdits: ofYear?.period === period };
}

export function EntryPage() {
  const { t } = useI18n();
  const district = useCurrentDistrict();
  const plan = district.indicatorCount > 0 ? district.plan : null;
  const title = <h1>{t('entry.title', { name: district.name })}</h1>;
  if (!plan)
    return (
      <>
        {title}
        <NoPlan district={district} />
      </>
    );
  return (
    <div className="entry-page">
      {title}
      <EntryBody
        district={district}
        period={plan.period}
        opening={defaultYear(plan, district.reportingYear)}
      />
    </div>
  );
}

/**
 * The grid of the year in the URL, else of the reporting year held within the plan; a year
 * outside the plan is the server's refusal, which says which years it has.
 */
function EntryBody({
  district,
  period,
  opening,
}: {
  district: CurrentDistrict;
  period: string;
  opening: number;
}) {
  const { t } = useI18n();
  const me = useMe();
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const year = yearParam(params) ?? opening;
  const grid = useQuery(trpc.values.grid.queryOptions({ district: district.code, period, year }));
  const [history, setHistory] = useState<EntryRow | null>(null);

  if (grid.isPending || !me.data) return <Loading />;
  if (grid.isError) return <PageError error={grid.error} onRetry={() => void grid.refetch()} />;
  const { years } = grid.data;
  const role = me.data.role;
  const code = district.code;
  const at = entryPlan(district, period, year);
  return (
    <>
      <p className="intro">
        {t(
          role === 'official'
            ? 'entry.intro'
            : role === 'reviewer'
              ? 'entry.introReviewer'
              : 'entry.introReader',
        )}
      </p>
      <div className="entry-toolbar">
        <label className="entry-year">
          {t('entry.year')}
          <select
            value={year}
            onChange={(e) => {
              setHistory(null);
              const next = new URLSearchParams(params);
              next.set('year', e.target.value);
              setParams(next);
            }}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y === years[0] ? t('entry.baselineYear', { year: y }) : y}
              </option>
            ))}
          </select>
        </label>
        <WorkbookTools district={code} period={period} year={year} upload={role === 'official'} />
      </div>
      <Completeness district={code} period={period} year={year} />
      {cellsOf(grid.data).length === 0 && role !== 'official' ? (
        <EmptyState title={t('entry.empty.title', { year })}>{t('entry.empty.body')}</EmptyState>
      ) : role === 'official' ? (
        <OfficialView
          key={`${code}:${period}:${year}`}
          grid={grid.data}
          at={at}
          user={me.data.username}
          onHistory={setHistory}
        />
      ) : (
        <>
          {role === 'reviewer' && <YearReview grid={grid.data} district={code} period={period} />}
          <ReviewGrid
            grid={grid.data}
            district={code}
            period={period}
            review={role === 'reviewer'}
            onHistory={setHistory}
          />
        </>
      )}
      {history && (
        <HistoryPanel
          district={code}
          period={period}
          year={year}
          row={history}
          onClose={() => setHistory(null)}
        />
      )}
    </>
  );
}

function OfficialView({
  grid,
  at,
  user,
  onHistory,
}: {
  grid: EntryGrid;
  at: EntryPlan;
  user: string;
  onHistory: (row: EntryRow) => void;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const refresh = useRefreshValues();
  const entry = useEntryEdits(at, grid.year, user, grid);
  const submit = useMutation(
    trpc.values.submit.mutationOptions({ onSuccess: () => void refresh() }),
  );
  const withdraw = useMutation(
    trpc.values.withdraw.mutationOptions({
      onSuccess: () => void refresh(),
      onError: () => void refresh(),
    }),
  );
  // What the year requires and how far it is, by core's one definition (the summary's too).
  const required = useQuery(
    trpc.values.completeness.queryOptions({
      district: at.district,
      period: at.period,
      year: grid.year,
    }),
  ).data?.[0]?.figures;
  const unsaved = Object.keys(entry.edits).length;
  const ready = required ? required.counts.draft + required.counts.returned : 0;
  const submitted = cellsOf(grid)
    .filter((c) => c!.stored!.state === 'submitted')
    .map((c) => ({ id: c!.stored!.id, version: c!.stored!.version }));
  const withdrawCells = (cells: typeof submitted) =>
    withdraw.mutate({ district: at.district, period: at.period, year: grid.year, cells });
  const status = entry.offline
    ? t('entry.save.offline', { count: unsaved })
    : entry.saving > 0
      ? t('entry.save.saving')
      : unsaved > 0
        ? t('entry.save.unsaved', { count: unsaved })
        : t('entry.save.saved');
  return (
    <>
      <div className="entry-actions">
        <p
          className={`entry-save ${entry.offline ? 'offline' : ''}`}
          role="status"
          aria-live="polite"
        >
          {status}
        </p>
        <button
          type="button"
          className="primary"
          disabled={unsaved > 0 || ready === 0 || submit.isPending}
          onClick={() =>
            submit.mutate({ district: at.district, period: at.period, year: grid.year })
          }
        >
          {t('entry.submit', { year: grid.year, count: ready })}
        </button>
        {submitted.length > 0 && (
          <button
            type="button"
            disabled={withdraw.isPending}
            onClick={() => withdrawCells(submitted)}
          >
            {t('entry.withdrawYear', { year: grid.year, count: submitted.length })}
          </button>
        )}
      </div>
      {required && (
        <p className="entry-required">
          {t('entry.submitReady', {
            year: grid.year,
            total: required.total,
            ready,
            missing: required.counts.missing,
          })}
        </p>
      )}
      {submit.isError && (
        <p className="form-error" role="alert">
          {errorMessage(submit.error, t)}
        </p>
      )}
      {withdraw.isError && (
        <p className="form-error" role="alert">
          {errorMessage(withdraw.error, t)}
        </p>
      )}
      {withdraw.data && (
        <p className="notice" role="status">
          {t('entry.withdrawn', { count: withdraw.data.count })}
        </p>
      )}
      {submit.data && (
        <p className="notice" role="status">
          {t('entry.submitted', { count: submit.data.count })}
        </p>
      )}
      <EditGrid
        grid={grid}
        entry={entry}
        onHistory={onHistory}
        withdrawing={withdraw.isPending}
        onWithdraw={(cell) =>
          withdrawCells([{ id: cell.stored!.id, version: cell.stored!.version }])
        }
      />
    </>
  );
}
