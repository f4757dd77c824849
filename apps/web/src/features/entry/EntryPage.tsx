import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Navigate, useSearchParams } from 'react-router';
import type { EntryGrid, EntryRow } from '@pm/core';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useI18n } from '../../i18n';
import { useMe } from '../../lib/auth';
import { errorMessage } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import { useCurrentDistrict } from '../districts/DistrictLayout';
import { NoPlan } from '../districts/NoPlan';
import { cellsOf } from './cells';
import { Completeness } from './Completeness';
import { EditGrid } from './EditGrid';
import { HistoryPanel } from './HistoryPanel';
import { ReviewGrid, useRefreshValues } from './ReviewGrid';
import { YearReview } from './YearReview';
import { useEntryEdits } from './useEntryEdits';
import { WorkbookTools } from './WorkbookTools';
import './entry.css';

/** Spring is when last year's figures come in: open last year unless the URL names one. */
function lastYear(): number {
  return new Date().getFullYear() - 1;
}

export function EntryPage() {
  const { t } = useI18n();
  const district = useCurrentDistrict();
  const me = useMe();
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || lastYear();
  const grid = useQuery({
    ...trpc.values.grid.queryOptions({ district: district.code, year }),
    enabled: district.indicatorCount > 0,
  });
  const [history, setHistory] = useState<EntryRow | null>(null);

  const title = <h1>{t('entry.title', { name: district.name })}</h1>;
  if (district.indicatorCount === 0)
    return (
      <>
        {title}
        <NoPlan district={district} />
      </>
    );
  if (grid.isPending || !me.data) return <Loading />;
  if (grid.isError) return <ErrorState error={grid.error} onRetry={() => void grid.refetch()} />;
  const { years } = grid.data;
  if (!years.includes(year)) {
    const clamped = Math.min(Math.max(year, years[1] ?? years[0]!), years.at(-1)!);
    return <Navigate to={`?year=${clamped}`} replace />;
  }
  const role = me.data.role;
  return (
    <div className="entry-page">
      {title}
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
              setParams({ year: e.target.value });
            }}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y === years[0] ? t('entry.baselineYear', { year: y }) : y}
              </option>
            ))}
          </select>
        </label>
        <WorkbookTools district={district.code} year={year} upload={role === 'official'} />
      </div>
      <Completeness district={district.code} year={year} />
      {cellsOf(grid.data).length === 0 && role !== 'official' ? (
        <EmptyState title={t('entry.empty.title', { year })}>{t('entry.empty.body')}</EmptyState>
      ) : role === 'official' ? (
        <OfficialView
          key={`${district.code}:${year}`}
          grid={grid.data}
          district={district.code}
          user={me.data.username}
          onHistory={setHistory}
        />
      ) : (
        <>
          {role === 'reviewer' && <YearReview grid={grid.data} district={district.code} />}
          <ReviewGrid
            grid={grid.data}
            district={district.code}
            review={role === 'reviewer'}
            onHistory={setHistory}
          />
        </>
      )}
      {history && (
        <HistoryPanel
          district={district.code}
          year={year}
          row={history}
          onClose={() => setHistory(null)}
        />
      )}
    </div>
  );
}

function OfficialView({
  grid,
  district,
  user,
  onHistory,
}: {
  grid: EntryGrid;
  district: string;
  user: string;
  onHistory: (row: EntryRow) => void;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const refresh = useRefreshValues();
  const entry = useEntryEdits(district, grid.year, user, grid);
  const submit = useMutation(
    trpc.values.submit.mutationOptions({ onSuccess: () => void refresh() }),
  );
  const unsaved = Object.keys(entry.edits).length;
  const ready = cellsOf(grid).filter(
    (c) => c!.stored!.state === 'draft' || c!.stored!.state === 'returned',
  ).length;
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
          onClick={() => submit.mutate({ district, year: grid.year })}
        >
          {t('entry.submit', { year: grid.year, count: ready })}
        </button>
      </div>
      {submit.isError && (
        <p className="form-error" role="alert">
          {errorMessage(submit.error, t)}
        </p>
      )}
      {submit.data && (
        <p className="notice" role="status">
          {t('entry.submitted', { count: submit.data.count })}
        </p>
      )}
      <EditGrid grid={grid} entry={entry} onHistory={onHistory} />
    </>
  );
}
