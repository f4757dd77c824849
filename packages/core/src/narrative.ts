import { z } from 'zod';

/**
 * The narrative sections of an evaluation report, in the order such reports give them:
 * 主要成效, 存在问题, 原因分析, 下一步举措.
 */
export const NARRATIVE_SECTIONS = ['achievements', 'problems', 'causes', 'nextSteps'] as const;
export type NarrativeSection = (typeof NARRATIVE_SECTIONS)[number];

export const narrativeSectionWords: Record<NarrativeSection, { zh: string; en: string }> = {
  achievements: { zh: '主要成效', en: 'Main achievements' },
  problems: { zh: '存在问题', en: 'Problems' },
  causes: { zh: '原因分析', en: 'Causes' },
  nextSteps: { zh: '下一步举措', en: 'Next steps' },
};

/** The longest a section may be, in characters: some pages of a report. */
export const NARRATIVE_MAX = 6000;

const section = (s: NarrativeSection) => {
  const name = `${narrativeSectionWords[s].zh} (${narrativeSectionWords[s].en.toLowerCase()})`;
  return z
    .string({ error: `${name} must be text` })
    .transform((t) => t.replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .min(1, `${name} is empty: write it, or restore the first draft`)
        .max(NARRATIVE_MAX, `${name} is longer than ${NARRATIVE_MAX} characters`),
    );
};

/** The four sections a reviewer writes (each required, trimmed, at most NARRATIVE_MAX characters). */
export const narrativeSchema = z.object({
  achievements: section('achievements'),
  problems: section('problems'),
  causes: section('causes'),
  nextSteps: section('nextSteps'),
});
export type Narrative = z.infer<typeof narrativeSchema>;

/** The first problem of each section a reviewer's draft has, for a form to show beside it. */
export function narrativeProblems(
  draft: Record<NarrativeSection, string>,
): Partial<Record<NarrativeSection, 'empty' | 'tooLong'>> {
  const out: Partial<Record<NarrativeSection, 'empty' | 'tooLong'>> = {};
  for (const s of NARRATIVE_SECTIONS) {
    const text = draft[s].trim();
    if (text.length === 0) out[s] = 'empty';
    else if (text.length > NARRATIVE_MAX) out[s] = 'tooLong';
  }
  return out;
}

/** Punctuation that ends or parts a sentence, strongest first. */
const STOPS = '。！？；：，、';

/**
 * Text as a printed report reads it: a run of punctuation ("。。", "。；", "，。") closed up to its
 * strongest mark, trailing spaces of lines dropped.
 */
export function tidyPunctuation(text: string): string {
  return text
    .replace(new RegExp(`[${STOPS}]{2,}`, 'gu'), (run) => {
      const rank = Math.min(...[...run].map((c) => STOPS.indexOf(c)));
      return STOPS[rank]!;
    })
    .replace(/[ \t]+$/gmu, '');
}

/** Where `text` has two punctuation marks in a row ("。。", "，。"); null when it has none. */
export function doubledPunctuation(text: string): string | null {
  const m = new RegExp(`.{0,12}[${STOPS}][${STOPS}].{0,4}`, 'u').exec(text);
  return m ? m[0] : null;
}
