import { useState } from 'react';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { useTRPCClient } from '../../lib/trpc';
import { saveBase64 } from '../evaluation/download';
import type { LeagueFilters } from './leagueView';

const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
} as const;
type Format = keyof typeof MIME;

/** 下载 Excel / 下载 CSV: every district the filters match, in the order shown, as a file. */
export function LeagueDownloads({ filters }: { filters: LeagueFilters }) {
  const { t } = useI18n();
  const client = useTRPCClient();
  const [pending, setPending] = useState<Format | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const download = async (format: Format) => {
    setPending(format);
    setFailure(null);
    try {
      const file = await client.scorecard.leagueExport.query({ ...filters, format });
      saveBase64({ ...file, mime: MIME[format] });
    } catch (error) {
      setFailure(error);
    } finally {
      setPending(null);
    }
  };
  return (
    <div className="league-downloads">
      {(['xlsx', 'csv'] as const).map((f) => (
        <button
          key={f}
          type="button"
          className="secondary"
          disabled={pending !== null}
          aria-busy={pending === f}
          onClick={() => void download(f)}
        >
          {pending === f ? t('league.downloading') : t(`league.download.${f}`)}
        </button>
      ))}
      {failure !== null && (
        <p className="form-error" role="alert">
          {t('league.downloadFailed', { reason: errorMessage(failure, t) })}
        </p>
      )}
    </div>
  );
}
