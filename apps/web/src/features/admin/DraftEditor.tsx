import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { inferOutput } from '@trpc/tanstack-react-query';
import { periodKey, planHeaderSchema, type District, type PlanFile } from '@pm/core';
import { EmptyState } from '../../components/states';
import { useI18n, type MessageKey } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { planLabel } from '../../lib/period';
import { useTRPC } from '../../lib/trpc';

type Draft = inferOutput<ReturnType<typeof useTRPC>['plans']['readDocument']>;
type Cells = Draft['rows'][number]['cells'];
type Problem = Draft['problems'][number];
type Raw = keyof Cells['raw'];

/** A plan just imported: its district and period key. */
export interface Imported {
  district: string;
  period: string;
}

interface EditRow {
  key: number;
  label: string;
  at: Problem['at'];
  quote: string;
  cells: Cells;
  problems: Problem[];
  edited: boolean;
}

const RAW: Raw[] = ['baseline', 'target', 'rate', 'attribute'];
const year = (s: string) => (s.trim() === '' ? NaN : Number(s));

/**
 * The draft read from a plan document: each row's cells editable beside the printed row and its
 * place, rows that did not read marked with the reasons; 重新检查 reads the edited rows again on
 * the server (the browser never parses a target) and 导入 imports the plan once every row reads.
 */
export function DraftEditor({
  draft,
  district,
  onImported,
}: {
  draft: Draft;
  district: District;
  onImported: (plan: Imported) => void;
}) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<EditRow[]>(() =>
    draft.rows.map((r, i) => ({
      key: i,
      label: r.label,
      at: r.at,
      quote: r.quote,
      cells: r.cells,
      problems: r.problems,
      edited: false,
    })),
  );
  const [header, setHeader] = useState({
    title: draft.plan.title,
    baselineYear: String(draft.plan.baselineYear ?? ''),
    midtermYear: String(draft.plan.midtermYear ?? ''),
    targetYear: String(draft.plan.targetYear ?? ''),
  });
  const [file, setFile] = useState<PlanFile | null>(() =>
    draft.rows.every((r) => r.indicator) ? draft.file : null,
  );
  const [notice, setNotice] = useState<string | null>(null);
  const plan = planHeaderSchema.safeParse({
    title: header.title.trim(),
    baselineYear: year(header.baselineYear),
    midtermYear: year(header.midtermYear),
    targetYear: year(header.targetYear),
  });
  const at = (p: { at: Problem['at'] }) => (locale === 'en' ? p.at.en : p.at.zh);
  const say = (p: Said) => (p.says ? (locale === 'en' ? p.says.en : p.says.zh) : p.message);

  const check = useMutation(trpc.plans.readDraft.mutationOptions());
  const importPlan = useMutation(
    trpc.plans.import.mutationOptions({
      onSuccess: (r, imported) => {
        setNotice(
          t('plans.imported', {
            district: r.district,
            period: planLabel(imported.plan, locale),
            added: r.added,
            updated: r.updated,
            removed: r.removed,
          }),
        );
        onImported({ district: r.district, period: periodKey(imported.plan) });
        void queryClient.invalidateQueries();
      },
    }),
  );

  // An edit resets the check: the answer of a check sent before it is never applied.
  const changed = () => {
    setFile(null);
    setNotice(null);
    check.reset();
    importPlan.reset();
  };
  const edit = (key: number, cells: Cells) => {
    changed();
    setRows(rows.map((r) => (r.key === key ? { ...r, cells, edited: true } : r)));
  };
  const recheck = () => {
    if (!plan.success) return;
    const sent = rows;
    check.mutate(
      { district, document: draft.document, plan: plan.data, rows: sent.map((r) => r.cells) },
      {
        onSuccess: (reading) => {
          setRows(
            sent.map((r, i) => ({
              ...r,
              problems: reading.rows[i]?.problems ?? [],
              edited: false,
            })),
          );
          setFile(reading.file);
          const bad = reading.rows.filter((r) => r.problems.length > 0).length;
          setNotice(t('documentImport.checked', { ok: reading.rows.length - bad, bad }));
        },
      },
    );
  };

  const text = (
    row: EditRow,
    column: MessageKey,
    value: string | null,
    set: (v: string) => Cells,
    wide = false,
  ) => (
    <input
      className={wide ? 'wide' : undefined}
      value={value ?? ''}
      aria-label={t('documentImport.cellOf', { row: row.label, column: t(column) })}
      onChange={(e) => edit(row.key, set(e.target.value))}
    />
  );
  const yearField = (key: 'baselineYear' | 'midtermYear' | 'targetYear') => (
    <label>
      {t(`documentImport.${key}`)}
      <input
        inputMode="numeric"
        value={header[key]}
        onChange={(e) => {
          changed();
          setHeader({ ...header, [key]: e.target.value });
        }}
      />
    </label>
  );

  return (
    <div className="draft">
      <p role="status">
        {t('documentImport.read', {
          name: draft.document,
          format: draft.format,
          rows: draft.rows.length,
          ok: draft.rows.filter((r) => r.indicator).length,
          bad: draft.rows.filter((r) => !r.indicator).length,
        })}
      </p>
      {draft.caption && (
        <p>{t('documentImport.caption', { caption: draft.caption.text, at: at(draft.caption) })}</p>
      )}
      <fieldset className="draft-header">
        <legend>{t('documentImport.header')}</legend>
        <label className="wide">
          {t('documentImport.planTitle')}
          <input
            value={header.title}
            onChange={(e) => {
              changed();
              setHeader({ ...header, title: e.target.value });
            }}
          />
        </label>
        {yearField('baselineYear')}
        {yearField('midtermYear')}
        {yearField('targetYear')}
      </fieldset>
      {!plan.success && <p className="form-error">{t('documentImport.yearsMissing')}</p>}
      <Listed
        title={t('documentImport.problems', { count: draft.problems.length })}
        items={draft.problems}
        at={at}
        say={say}
        alert
      />
      <Listed
        title={t('documentImport.notes', { count: draft.notes.length })}
        items={draft.notes}
        at={at}
        say={say}
      />
      <Listed
        title={t('documentImport.footnotes', { count: draft.footnotes.length })}
        items={draft.footnotes.map((f) => ({ ...f, message: f.text, text: '' }))}
        at={at}
        say={say}
      />
      {rows.length === 0 ? (
        <EmptyState title={t('documentImport.noRows')} />
      ) : (
        <div
          className="table-wrap"
          tabIndex={0}
          role="region"
          aria-label={t('documentImport.rowsTable')}
        >
          <table className="draft-table">
            <thead>
              <tr>
                {(['seq', 'category', 'name', 'unit', ...RAW, 'result'] as const).map((c) => (
                  <th key={c} scope="col">
                    {t(`documentImport.col.${c}`)}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">{t('documentImport.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} className={r.problems.length > 0 ? 'problem' : undefined}>
                  <td>
                    {text(r, 'documentImport.col.seq', String(r.cells.seq), (v) => ({
                      ...r.cells,
                      seq: Number(v.replace(/\D/g, '')) || 0,
                    }))}
                  </td>
                  <td>
                    {text(r, 'documentImport.col.category', r.cells.category, (v) => ({
                      ...r.cells,
                      category: v,
                    }))}
                  </td>
                  <td>
                    {text(
                      r,
                      'documentImport.col.name',
                      r.cells.name,
                      (v) => ({ ...r.cells, name: v }),
                      true,
                    )}
                  </td>
                  <td>
                    {text(r, 'documentImport.col.unit', r.cells.unit, (v) => ({
                      ...r.cells,
                      unit: v,
                    }))}
                  </td>
                  {RAW.map((c) => (
                    <td key={c}>
                      {text(r, `documentImport.col.${c}`, r.cells.raw[c], (v) => ({
                        ...r.cells,
                        raw: { ...r.cells.raw, [c]: v },
                      }))}
                    </td>
                  ))}
                  <td className="result">
                    {r.edited ? (
                      <p>{t('documentImport.rowEdited')}</p>
                    ) : r.problems.length > 0 ? (
                      <ul>
                        {r.problems.map((p, i) => (
                          <li key={i}>{say(p)}</li>
                        ))}
                      </ul>
                    ) : (
                      <p>{t('documentImport.rowOk')}</p>
                    )}
                    <pre>{r.quote}</pre>
                    <small>{at(r)}</small>
                  </td>
                  <td>
                    <button
                      type="button"
                      aria-label={t('documentImport.removeOf', { row: r.label })}
                      onClick={() => {
                        changed();
                        setRows(rows.filter((x) => x.key !== r.key));
                      }}
                    >
                      {t('documentImport.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="actions">
        <button
          type="button"
          onClick={recheck}
          disabled={!plan.success || rows.length === 0 || check.isPending}
        >
          {check.isPending ? t('documentImport.checking') : t('documentImport.recheck')}
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => file && importPlan.mutate(file)}
          disabled={!file || importPlan.isPending}
        >
          {t('documentImport.import')}
        </button>
      </div>
      {!file && rows.length > 0 && <p className="hint">{t('documentImport.importBlocked')}</p>}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {(check.isError || importPlan.isError) && (
        <p className="form-error" role="alert">
          {errorMessage(check.error ?? importPlan.error, t)}
        </p>
      )}
    </div>
  );
}

/** A message of the reader in both languages; a footnote is printed text, in one. */
type Said = { message: string; says?: Problem['says'] };

function Listed({
  title,
  items,
  at,
  say,
  alert = false,
}: {
  title: string;
  items: ({ at: Problem['at']; text: string } & Said)[];
  at: (p: { at: Problem['at'] }) => string;
  say: (p: Said) => string;
  alert?: boolean;
}) {
  if (items.length === 0) return null;
  return (
    <details open={alert} className={alert ? 'draft-problems' : undefined}>
      <summary>{title}</summary>
      <ul className="problems">
        {items.map((p, i) => (
          <li key={i}>
            <code>{at(p)}</code>: {say(p)}
            {p.text && <q>{p.text}</q>}
          </li>
        ))}
      </ul>
    </details>
  );
}
