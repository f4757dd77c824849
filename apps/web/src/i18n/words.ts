import { useMemo } from 'react';
import {
  attributeWords,
  comparatorWords,
  formWords,
  statusWords,
  type Attribute,
  type Comparator,
  type Lang,
  type Phase,
  type RulesVersion,
  type Status,
  type TargetForm,
  type ValueState,
  valueStateWords,
} from '@pm/core';
import { useI18n, type Locale } from './index';

export const langOf = (locale: Locale): Lang => (locale === 'en' ? 'en' : 'zh');

/** English words stand as labels in sentence case; Chinese has no case. */
const label = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export interface StatusWording {
  /** The item's phase, or the phases a count spans (`achieved` is 提前实现 midway, 完成 at the end). */
  phase?: Phase | readonly Phase[];
  rules?: RulesVersion;
}

/**
 * The domain's words (packages/core words.ts) in one locale. The web keeps no copy of them:
 * message templates take them as parameters.
 */
export function wordsFor(locale: Locale) {
  const lang = langOf(locale);
  const inLang = (status: Status, { phase, rules }: StatusWording) => {
    const phases: readonly (Phase | undefined)[] = Array.isArray(phase) ? phase : [phase];
    const words = phases.map((p) => statusWords(status, { phase: p, rules })[lang]);
    return [...new Set(words)].join(lang === 'zh' ? '／' : ' / ');
  };
  const list = new Intl.ListFormat(locale, { type: lang === 'zh' ? 'conjunction' : 'disjunction' });
  return {
    lang,
    /** A status as a label: a badge, an option, a legend. */
    status: (status: Status, wording: StatusWording = {}) => label(inLang(status, wording)),
    /** Statuses as a list inside a sentence: "提前实现、快于预期和基本符合预期". */
    statusList: (statuses: readonly Status[], wording: StatusWording = {}) =>
      list.format(statuses.map((s) => inLang(s, wording))),
    attribute: (a: Attribute) => label(attributeWords[a][lang]),
    form: (f: TargetForm) => label(formWords[f][lang]),
    /** A figure's review state (草稿, 已提交, 已审核, 已退回): a badge, a cell, a history line. */
    valueState: (s: ValueState) => label(valueStateWords[s][lang]),
    /** A comparator inside a phrase ("不低于 5.5%"), so not capitalized. */
    comparator: (c: Comparator) => comparatorWords[c][lang],
  };
}

export type WordsOf = ReturnType<typeof wordsFor>;

export function useWords(): WordsOf {
  const { locale } = useI18n();
  return useMemo(() => wordsFor(locale), [locale]);
}
