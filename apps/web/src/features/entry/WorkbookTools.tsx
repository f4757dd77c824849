import { useState, type ChangeEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@pm/api';
import { isMessageKey, useI18n } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import { useRefreshValues } from './ReviewGrid';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function download(filename: string, base64: string) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: XLSX }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A problem or warning of an uploaded workbook, as the server reports it. */
type SheetNote = inferRouterOutputs<AppRouter>['values']['upload']['problems'][number];

/** 第 7 行（序号 5 每万人口拥有高价值发明专利数）I7：… — the sheet's name only off the entry sheet. */
function SheetNoteItem({ note }: { note: SheetNote }) {
  const { t } = useI18n();
  const { row, indicator } = note;
  const where =
    row === undefined
      ? null
      : indicator
        ? t('entry.workbook.atIndicator', { row, seq: indicator.seq, name: indicator.name })
        : t('entry.workbook.at', { row });
  const cell = row === undefined ? note.cell : note.cell.replace(/^'填报 Entry'!/, '');
  return (
    <li>
      {where && <span className="sheet-where">{where}</span>}
      <code>{cell}</code>
      {t('entry.workbook.colon')}
      {isMessageKey(note.key) ? t(note.key, note.params) : note.message}
    </li>
  );
}

type Upload = inferRouterOutputs<AppRouter>['values']['upload'];

/** What an upload did: the figures imported, or every problem; the plan's cells not taken. */
export function UploadResult({
  result,
}: {
  result: Pick<Upload, 'changed' | 'problems' | 'warnings'>;
}) {
  const { t } = useI18n();
  return (
    <>
      {result.problems.length === 0 && (
        <p className="notice" role="status">
          {t('entry.workbook.uploaded', { count: result.changed })}
        </p>
      )}
      {result.problems.length > 0 && (
        <div className="form-error entry-workbook-problems" role="alert">
          <p>{t('entry.workbook.problems', { count: result.problems.length })}</p>
          <ul>
            {result.problems.map((p, i) => (
              <SheetNoteItem key={i} note={p} />
            ))}
          </ul>
        </div>
      )}
      {result.warnings.length > 0 && (
        <div className="entry-workbook-warnings" role="status">
          <p>{t('entry.workbook.warnings', { count: result.warnings.length })}</p>
          <ul>
            {result.warnings.map((w, i) => (
              <SheetNoteItem key={i} note={w} />
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

/** Download the year's pre-filled .xlsx template; officials upload it back filled. */
export function WorkbookTools({
  district,
  period,
  year,
  upload,
}: {
  district: string;
  period: string;
  year: number;
  upload: boolean;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = useRefreshValues();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const send = useMutation(trpc.values.upload.mutationOptions({ onSuccess: () => void refresh() }));

  const fetchTemplate = async () => {
    setError(null);
    setBusy(true);
    try {
      const file = await queryClient.fetchQuery(
        trpc.values.template.queryOptions({ district, period, year }, { staleTime: 0 }),
      );
      download(file.filename, file.base64);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) send.mutate({ district, period, year, base64: await base64Of(file) });
  };

  const result = send.data;
  return (
    <section className="entry-workbook">
      <button type="button" onClick={() => void fetchTemplate()} disabled={busy}>
        {t('entry.workbook.download', { year })}
      </button>
      {upload && (
        <label className="entry-upload">
          {t('entry.workbook.upload')}
          <input
            type="file"
            accept=".xlsx"
            onChange={(e) => void onFile(e)}
            disabled={send.isPending}
          />
        </label>
      )}
      {(error ?? send.error) && (
        <p className="form-error" role="alert">
          {errorMessage(error ?? send.error, t)}
        </p>
      )}
      {result && <UploadResult result={result} />}
    </section>
  );
}
