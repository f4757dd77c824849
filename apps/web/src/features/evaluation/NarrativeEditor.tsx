import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  NARRATIVE_MAX,
  NARRATIVE_SECTIONS,
  narrativeProblems,
  narrativeSectionWords,
  tidyPunctuation,
  type NarrativeSection,
} from '@pm/core';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { when } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { useCurrentDistrict } from '../districts/DistrictLayout';
import type { EvaluationView } from './types';

type Sections = Record<NarrativeSection, string>;

/** Room for the text as it stands (about 40 characters a line), 4 to 12 lines. */
const rowsFor = (text: string) =>
  Math.min(
    12,
    Math.max(
      4,
      text.split('\n').reduce((n, line) => n + Math.ceil(line.length / 40 || 1), 0),
    ),
  );

/**
 * The report's narrative (主要成效, 存在问题, 原因分析, 下一步举措): first drafts from the data,
 * edited and saved by a reviewer or administrator while the round is open; read-only otherwise.
 */
export function NarrativeEditor({ view, canEdit }: { view: EvaluationView; canEdit: boolean }) {
  const { t, locale } = useI18n();
  const { narrative } = view;
  // Only what the user typed: untouched sections follow the server (drafts change with reviews).
  const [edits, setEdits] = useState<Partial<Sections>>({});
  const [tried, setTried] = useState(false);
  const district = useCurrentDistrict();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const save = useMutation(
    trpc.evaluations.saveNarrative.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.evaluations.get.pathKey() });
        setEdits({});
        setTried(false);
      },
    }),
  );
  const words = (s: NarrativeSection) => narrativeSectionWords[s][locale === 'en' ? 'en' : 'zh'];
  const draft = Object.fromEntries(
    NARRATIVE_SECTIONS.map((s) => [s, edits[s] ?? narrative.sections[s]]),
  ) as Sections;
  const setDraft = (s: NarrativeSection, text: string) => setEdits({ ...edits, [s]: text });
  const edited = (s: NarrativeSection) => draft[s] !== narrative.sections[s];
  const problems = narrativeProblems(draft);
  const changed = NARRATIVE_SECTIONS.some(edited);
  const status =
    view.round.status === 'finalized'
      ? t('evaluation.narrative.frozen')
      : !canEdit
        ? t('evaluation.narrative.readOnly')
        : narrative.edited && narrative.by
          ? t('evaluation.narrative.savedBy', {
              by: narrative.by,
              date: when(narrative.at, locale, true),
            })
          : t('evaluation.narrative.drafts');
  const submit = () => {
    setTried(true);
    if (Object.keys(problems).length > 0) return;
    save.mutate({ district: district.code, round: view.round.id, sections: draft });
  };
  return (
    <section className="narrative card" aria-labelledby="narrative-title">
      <h3 id="narrative-title">{t('evaluation.narrative.title')}</h3>
      <p className="muted small">{status}</p>
      {NARRATIVE_SECTIONS.map((s, k) => {
        const id = `narrative-${s}`;
        const problem = tried || edited(s) ? problems[s] : undefined;
        const heading = `${'一二三四'[k]}、${words(s)}`;
        if (!canEdit)
          return (
            <div key={s} className="narrative-section">
              <h4>{heading}</h4>
              {narrative.sections[s].split(/\n+/).map((line, i) => (
                <p key={i}>{tidyPunctuation(line)}</p>
              ))}
            </div>
          );
        return (
          <div key={s} className="narrative-section">
            <div className="narrative-head">
              <label htmlFor={id}>{heading}</label>
              {draft[s] !== narrative.drafts[s] && (
                <button
                  type="button"
                  className="secondary"
                  onClick={() => setDraft(s, narrative.drafts[s])}
                >
                  {t('evaluation.narrative.restore')}
                  <span className="visually-hidden">：{words(s)}</span>
                </button>
              )}
            </div>
            <textarea
              id={id}
              rows={rowsFor(draft[s])}
              value={draft[s]}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${id}-error` : `${id}-count`}
              onChange={(e) => setDraft(s, e.target.value)}
            />
            {problem ? (
              <p id={`${id}-error`} className="form-error small" role="alert">
                {t(`evaluation.narrative.${problem}`, { section: words(s), max: NARRATIVE_MAX })}
              </p>
            ) : (
              <p id={`${id}-count`} className="muted small narrative-count">
                {t('evaluation.narrative.count', { count: draft[s].trim().length })}
              </p>
            )}
          </div>
        );
      })}
      {canEdit && (
        <div className="controls">
          <button
            type="button"
            className="primary"
            disabled={save.isPending || (!changed && narrative.edited)}
            onClick={submit}
          >
            {save.isPending ? t('evaluation.narrative.saving') : t('evaluation.narrative.save')}
          </button>
          <span role="status" className="muted small">
            {changed
              ? t('evaluation.narrative.unsaved')
              : save.isSuccess
                ? t('evaluation.narrative.saved')
                : ''}
          </span>
        </div>
      )}
      {save.error && (
        <p className="form-error" role="alert">
          {errorMessage(save.error, t)}
        </p>
      )}
    </section>
  );
}
