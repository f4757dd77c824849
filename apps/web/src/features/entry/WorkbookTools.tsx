import { useState, type ChangeEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
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
      {result && result.problems.length === 0 && (
        <p className="notice" role="status">
          {t('entry.workbook.uploaded', { count: result.changed })}
        </p>
      )}
      {result && result.problems.length > 0 && (
        <div className="form-error" role="alert">
          <p>{t('entry.workbook.problems', { count: result.problems.length })}</p>
          <ul>
            {result.problems.map((p, i) => (
              <li key={i}>
                <code>{p.cell}</code> {isMessageKey(p.key) ? t(p.key, p.params) : p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
