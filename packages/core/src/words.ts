import { STATUSES, type Phase, type Status } from './assess/status';
import type { RoundKind } from './period';
import type { Attribute, Comparator, TargetForm, ValueState } from './plan';

/**
 * The domain's words in both languages, read by the web app, the reports and the CLI alike:
 * one place for the grade words of spec §3, the attributes, the target forms and comparators.
 */
export interface Words {
  zh: string;
  en: string;
}
export type Lang = keyof Words;

/**
 * Which rules graded an assessment: `v1` before spec v2 (no 快于预期, no end grades), `v2` now.
 * A finalized round records its rules, so that it keeps showing the words it was graded in.
 */
export type RulesVersion = 'v1' | 'v2';
export const RULES_VERSION: RulesVersion = 'v2';

/** The statuses each rules version knows, in the order summaries and legends list them. */
export const STATUSES_OF: Record<RulesVersion, readonly Status[]> = {
  v1: [
    'achieved',
    'on_track',
    'lagging',
    'seriously_lagging',
    'awaiting_target',
    'no_data',
    'not_assessed',
  ],
  v2: STATUSES,
};

const w = (zh: string, en: string): Words => ({ zh, en });

const statusWordsV2: Record<Status, Words> = {
  achieved: w('提前实现', 'achieved early'),
  ahead: w('快于预期', 'ahead of schedule'),
  on_track: w('基本符合预期', 'on track'),
  lagging: w('滞后预期', 'behind schedule'),
  seriously_lagging: w('严重滞后', 'seriously behind'),
  basically_achieved: w('基本完成', 'basically achieved'),
  not_achieved: w('未完成', 'not achieved'),
  awaiting_target: w('待下达目标', 'awaiting target'),
  no_data: w('无数据', 'no data'),
  not_assessed: w('仅监测', 'monitored only'),
};

/** At the end of the period `achieved` is 完成: the target was met by Y, not early. */
const endWords: Partial<Record<Status, Words>> = { achieved: w('完成', 'achieved') };

/** The words of rounds finalized under v1 rules, which they keep. */
const v1Words: Partial<Record<Status, Words>> = {
  achieved: w('已完成', 'achieved'),
  on_track: w('符合预期', 'on track'),
  lagging: w('进度滞后', 'lagging'),
  seriously_lagging: w('严重滞后', 'seriously lagging'),
};

export interface StatusWordOptions {
  /** The phase the grade belongs to; `progress` when not given. */
  phase?: Phase;
  /** The rules that gave it; the current ones when not given. */
  rules?: RulesVersion;
}

/** 提前实现 / 快于预期 / 基本符合预期 / 滞后预期 / 严重滞后 midway; 完成 / 基本完成 / 未完成 at the end. */
export function statusWords(status: Status, options: StatusWordOptions = {}): Words {
  if (options.rules === 'v1') return v1Words[status] ?? statusWordsV2[status];
  if (options.phase === 'end') return endWords[status] ?? statusWordsV2[status];
  return statusWordsV2[status];
}

export const attributeWords: Record<Attribute, Words> = {
  expected: w('预期性', 'expected'),
  binding: w('约束性', 'binding'),
};

export const formWords: Record<TargetForm, Words> = {
  level: w('水平值', 'level'),
  annual_rate: w('年均增速', 'average growth'),
  cumulative: w('累计值', 'five-year total'),
  bound: w('约束值', 'bound'),
  maintain: w('保持值', 'maintain'),
  assigned: w('市下达目标', 'city-assigned target'),
  linked: w('同步指标', 'linked'),
  monitor: w('仅监测', 'monitored only'),
};

export const comparatorWords: Record<Comparator, Words> = {
  about: w('左右', 'about'),
  at_least: w('不低于', 'at least'),
  at_most: w('不高于', 'at most'),
  below: w('低于', 'below'),
  above: w('高于', 'above'),
};

/**
 * A figure's review state, one word each wherever it is shown: the entry grid, its history, the
 * indicator page, the workbook template.
 */
export const valueStateWords: Record<ValueState, Words> = {
  draft: w('草稿', 'draft'),
  submitted: w('已提交', 'submitted'),
  approved: w('已审核', 'approved'),
  returned: w('已退回', 'returned'),
};

export const phaseWords: Record<Phase, Words> = {
  progress: w('进度评价', 'progress'),
  end: w('完成评价', 'outcome'),
};

/** What a round evaluates (spec §5): the mid-term, the end of the period, or one year. */
export const roundKindWords: Record<RoundKind, Words> = {
  midterm: w('中期评估', 'mid-term evaluation'),
  final: w('总结评估', 'final evaluation'),
  annual: w('年度评估', 'annual evaluation'),
};

/**
 * 动态调整 (spec §6) for people: "原目标 70，2024 年调整为 65" / "Originally 70; revised to 65 from
 * 2024". The texts are the plan's and the revising document's own; a missing one is a dash.
 */
export function revisionWords(
  fromYear: number,
  original: string | null,
  revised: string | null,
): Words {
  const o = original?.trim() || '—';
  const r = revised?.trim() || '—';
  return w(
    `原目标 ${o}，${fromYear} 年调整为 ${r}`,
    `Originally ${o}; revised to ${r} from ${fromYear}`,
  );
}
