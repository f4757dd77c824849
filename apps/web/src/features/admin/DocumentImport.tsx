import { useState, type ChangeEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { districtSchema, type District } from '@pm/core';
import { Loading } from '../../components/states';
import { isMessageKey, useI18n, type Translate } from '../../i18n';
import { useDistricts } from '../../lib/district';
import { errorMessage } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import { DraftEditor, type Imported } from './DraftEditor';
import './document-import.css';

/** The server takes up to 11 M characters of base64 (8 MB): its HTTP body limit is 12 MiB. */
const MAX_BYTES = 8_000_000;
const ACCEPT =
  '.txt,.md,.markdown,.html,.htm,.docx,.pdf,text/plain,text/markdown,text/html,application/pdf';
const NEW = 'new';

/** The file's bytes as base64 (a data URL without its prefix). */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

/** A refusal of the document reader, naming what the file is in the reader's language. */
export function documentErrorMessage(error: unknown, t: Translate): string {
  const data = error instanceof TRPCClientError ? (error.data as unknown) : null;
  const { messageKey, params } = (data ?? {}) as {
    messageKey?: string;
    params?: Record<string, string | number>;
  };
  const kind = `plans.document.kind.${String(params?.kind)}`;
  if (messageKey && isMessageKey(messageKey) && isMessageKey(kind))
    return t(messageKey, { ...params, kind: t(kind) });
  return errorMessage(error, t);
}

/**
 * 从规划文本读取: choose the district, upload the plan document; the server reads its
 * main-indicator table into a draft, which the administrator checks, corrects and imports.
 */
export function DocumentImport({ onImported }: { onImported: (plan: Imported) => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const districts = useDistricts();
  const [choice, setChoice] = useState('');
  const [fresh, setFresh] = useState<District>({ code: '', name: '', city: '', province: '' });
  const [tooBig, setTooBig] = useState<string | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const read = useMutation(trpc.plans.readDocument.mutationOptions());

  const known = districts.data ?? [];
  const picked = choice === '' ? (known[0]?.code ?? NEW) : choice;
  const listed = known.find((d) => d.code === picked);
  const candidate = listed
    ? { code: listed.code, name: listed.name, city: listed.city, province: listed.province }
    : fresh;
  const district = districtSchema.safeParse(candidate);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    setTooBig(null);
    read.reset();
    if (!file || !district.success) return;
    if (file.size > MAX_BYTES) return setTooBig(file.name);
    setReading(file.name);
    read.mutate({ district: district.data, filename: file.name, base64: await base64Of(file) });
  };

  const field = (key: keyof District, label: string) => (
    <label>
      {label}
      <input
        value={fresh[key]}
        onChange={(e) => setFresh({ ...fresh, [key]: e.target.value.trim() })}
        inputMode={key === 'code' ? 'numeric' : undefined}
      />
    </label>
  );

  return (
    <section className="card document-import" aria-labelledby="document-import-title">
      <h2 id="document-import-title">{t('documentImport.title')}</h2>
      <p className="intro">{t('documentImport.intro')}</p>
      <div className="document-import-district">
        <label>
          {t('documentImport.district')}
          <select
            value={picked}
            onChange={(e) => {
              setChoice(e.target.value);
              read.reset();
            }}
          >
            {known.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}（{d.code}）
              </option>
            ))}
            <option value={NEW}>{t('documentImport.newDistrict')}</option>
          </select>
        </label>
        {!listed && (
          <>
            {field('code', t('documentImport.code'))}
            {field('name', t('documentImport.name'))}
            {field('city', t('documentImport.city'))}
            {field('province', t('documentImport.province'))}
          </>
        )}
      </div>
      {!district.success && <p className="hint">{t('documentImport.districtMissing')}</p>}
      <label>
        {t('documentImport.file')}
        <input
          type="file"
          accept={ACCEPT}
          onChange={(e) => void onFile(e)}
          disabled={read.isPending || !district.success}
        />
      </label>
      {read.isPending && (
        <div role="status">
          <Loading />
          <p>{t('documentImport.reading', { name: reading ?? '' })}</p>
        </div>
      )}
      {tooBig && (
        <p className="form-error" role="alert">
          {t('documentImport.tooBig', { name: tooBig })}
        </p>
      )}
      {read.isError && (
        <p className="form-error" role="alert">
          {documentErrorMessage(read.error, t)}
        </p>
      )}
      {read.data && read.variables && (
        <DraftEditor
          key={read.submittedAt}
          draft={read.data}
          district={read.variables.district}
          onImported={onImported}
        />
      )}
    </section>
  );
}
