import { useState, type ChangeEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { listProblems, parsePeriod, periodKey, planFileSchema, type InputProblem } from '@pm/core';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useI18n } from '../../i18n';
import { useDistricts } from '../../lib/district';
import { errorMessage } from '../../lib/errors';
import { planLabel } from '../../lib/period';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { CarryOverPanel, type CarryOverTarget } from './CarryOverPanel';
import { DocumentImport } from './DocumentImport';
import { AdminOnly } from './AdminOnly';

/** Admin: import a plan file (checked here with the same schema as the server) and export plans. */
export function PlansPage() {
  const { t } = useI18n();
  return (
    <AdminOnly title={t('plans.title')}>
      <Plans />
    </AdminOnly>
  );
}

function Plans() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const districts = useDistricts();
  const [problems, setProblems] = useState<InputProblem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [imported, setImported] = useState<CarryOverTarget | null>(null);
  const importPlan = useMutation(
    trpc.plans.import.mutationOptions({
      onSuccess: (r, file) => {
        setImported({ district: r.district, period: periodKey(file.plan) });
        setNotice(
          t('plans.imported', {
            district: r.district,
            period: planLabel(file.plan, locale),
            added: r.added,
            updated: r.updated,
            removed: r.removed,
          }),
        );
        void queryClient.invalidateQueries();
      },
    }),
  );

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    setNotice(null);
    setProblems([]);
    importPlan.reset();
    if (!file) return;
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      return setProblems([{ path: file.name, message: t('plans.notJson') }]);
    }
    const result = planFileSchema.safeParse(json);
    if (!result.success) return setProblems(listProblems(result.error));
    importPlan.mutate(result.data);
  };

  const download = async (code: string, period: string) => {
    const plan = await client.plans.export.query({ district: code, period });
    const url = URL.createObjectURL(
      new Blob([`${JSON.stringify(plan, null, 2)}\n`], { type: 'application/json' }),
    );
    const a = document.createElement('a');
    a.href = url;
    a.download = `plan-${code}-${period}.json`;
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <>
      <h1>{t('plans.title')}</h1>
      <section className="card">
        <h2>{t('plans.import.title')}</h2>
        <p className="intro">{t('plans.import.intro')}</p>
        <label>
          {t('plans.import.file')}
          <input
            type="file"
            accept="application/json,.json"
            onChange={(e) => void onFile(e)}
            disabled={importPlan.isPending}
          />
        </label>
        {importPlan.isPending && <Loading />}
        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
        {importPlan.isError && (
          <p className="form-error" role="alert">
            {errorMessage(importPlan.error, t)}
          </p>
        )}
        {problems.length > 0 && (
          <div role="alert">
            <p className="form-error">{t('plans.problems', { count: problems.length })}</p>
            <ul className="problems">
              {problems.map((p) => (
                <li key={`${p.path}:${p.message}`}>
                  <code>{p.path}</code>: {p.message}
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
      <DocumentImport onImported={setImported} />
      <CarryOverPanel focus={imported} />
      <section className="card">
        <h2>{t('plans.export.title')}</h2>
        {districts.isPending ? (
          <Loading />
        ) : districts.isError ? (
          <ErrorState error={districts.error} onRetry={() => void districts.refetch()} />
        ) : districts.data.length === 0 ? (
          <EmptyState title={t('districts.empty.title')} />
        ) : (
          <ul className="plain-list">
            {districts.data.map((d) => (
              <li key={d.code}>
                {d.name}（{d.code}）{d.periods.length === 0 && ` · ${t('district.noPlan.title')}`}
                {d.periods.map((p) => {
                  const span = parsePeriod(p.period);
                  const label = span ? planLabel(span, locale) : p.label;
                  return (
                    <button
                      key={p.period}
                      type="button"
                      onClick={() => void download(d.code, p.period)}
                      aria-label={t('plans.export.downloadOf', { name: d.name, period: label })}
                    >
                      {t('plans.export.downloadPeriod', { period: label })}
                    </button>
                  );
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
