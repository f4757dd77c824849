import type { Comparator } from '../plan';
import { revisionWords } from '../words';
import type { AssessmentReason } from './types';

/** A number as people read it: at most two decimals, never NaN or Infinity. */
export function num(x: number): string {
  if (!Number.isFinite(x)) return '—';
  if (Math.abs(x) >= 1e13) return String(Math.round(x));
  // Integer arithmetic rather than String(float): this runs for every reason of every indicator.
  const cents = Math.round(Math.abs(x) * 100);
  if (cents === 0) return '0';
  const sign = x < 0 ? '-' : '';
  const whole = Math.floor(cents / 100);
  const frac = cents % 100;
  if (frac === 0) return `${sign}${whole}`;
  return `${sign}${whole}.${frac % 10 === 0 ? frac / 10 : frac < 10 ? `0${frac}` : frac}`;
}

/** A ratio as a whole percentage: 0.476 → "48%". */
export function pct(ratio: number): string {
  const p = Math.round(ratio * 100);
  return Number.isFinite(p) ? `${p || 0}%` : '—';
}

/** A ratio as a percentage with at most one decimal: 0.975 → "97.5%" (the end grades turn on it). */
export function pct1(ratio: number): string {
  const p = Math.round(ratio * 1000) / 10;
  return Number.isFinite(p) ? `${p || 0}%` : '—';
}

const both = (zh: string, en: string): AssessmentReason => ({ zh, en });

export const notAssessed = (): AssessmentReason =>
  both('仅监测，不评价', 'monitored only, not assessed');
export const baselineMissing = (): AssessmentReason => both('缺少基期值', 'baseline missing');
export const targetMissing = (): AssessmentReason => both('缺少目标值', 'target missing');
export const linkMissing = (): AssessmentReason =>
  both('未指定关联指标', 'no linked indicator given');
export const noActual = (last: number): AssessmentReason =>
  both(`截至 ${last} 年尚无实际值`, `no actual up to ${last}`);

/** What a level or cumulative reason talks about: the latest actual, or the total so far. */
export function latestSubject(year: number, value: number): AssessmentReason {
  const v = num(value);
  return both(`${year} 年 ${v}`, `${v} in ${year}`);
}
export function totalSubject(total: number, compound = false): AssessmentReason {
  const t = num(total);
  return compound
    ? both(`累计（逐年复合）${t}`, `compounded total ${t}`)
    : both(`累计 ${t}`, `total ${t}`);
}
/** A bound to reach, read from its year-B value. */
export function reachSubject(year: number, value: number, start: number): AssessmentReason {
  const v = num(value);
  const b = num(start);
  return both(`${year} 年 ${v}（基期 ${b}）`, `${v} in ${year} (baseline ${b})`);
}

export function targetReached(s: AssessmentReason, goal: number): AssessmentReason {
  const g = num(goal);
  return both(`${s.zh}，已达到目标 ${g}`, `${s.en}: target ${g} reached`);
}
export function targetShort(s: AssessmentReason, goal: number): AssessmentReason {
  const g = num(goal);
  return both(`${s.zh}，未达到目标 ${g}`, `${s.en}: short of the target ${g}`);
}
/** At the end of the period: the target was met. */
export function targetMet(s: AssessmentReason, goal: number): AssessmentReason {
  const g = num(goal);
  return both(`${s.zh}，完成目标 ${g}`, `${s.en}: target ${g} met`);
}
/** At the end of the period: how much of the target was done. */
export function endCompletion(s: AssessmentReason, goal: number, c: number): AssessmentReason {
  const g = num(goal);
  const p = pct1(c);
  return both(`${s.zh}，目标 ${g}，完成目标的 ${p}`, `${s.en}: ${p} of the target ${g}`);
}
/** A bound to reach, met in an earlier year (achieved midway, spec §2.4). */
export function reachedBefore(year: number, s: AssessmentReason, goal: number): AssessmentReason {
  const g = num(goal);
  return both(`${year} 年已达到目标 ${g}；${s.zh}`, `target ${g} reached in ${year}; ${s.en}`);
}

/** A view at year E of data that ends earlier says so (spec §1). */
export const dataAsOf = (year: number): AssessmentReason =>
  both(`数据截至 ${year} 年`, `data up to ${year}`);

/** Joins a prefix and a reason: "数据截至 2024 年；完成进度 80%…". */
export const prefixed = (head: AssessmentReason, r: AssessmentReason): AssessmentReason =>
  both(`${head.zh}；${r.zh}`, `${head.en}; ${r.en}`);

export function progress(completion: number, tau: number): AssessmentReason {
  const c = pct(completion);
  const t = pct(tau);
  const zh = `完成进度 ${c}，时序进度 ${t}`;
  const en = `${c} complete, ${t} of time elapsed`;
  return completion < 0
    ? both(`偏离目标方向，${zh}`, `moving away from the target: ${en}`)
    : both(zh, en);
}

const rate = (x: number): string => `${num(x)}%`;

/** Reasons for a rate with a floor L (about, at_least). */
export function rateAboveFloor(avg: number, floor: number): AssessmentReason {
  const a = rate(avg);
  const f = rate(floor);
  return both(`年均增长 ${a}，达到下限 ${f}`, `average growth ${a} meets the floor of ${f}`);
}
export function rateOverCeiling(avg: number, ceiling: number): AssessmentReason {
  const a = rate(avg);
  const c = rate(ceiling);
  return both(
    `年均增长 ${a}，高于上限 ${c}（超额完成）`,
    `average growth ${a} is above the ceiling of ${c} (over-fulfilled)`,
  );
}
export function rateBelowFloor(
  avg: number,
  floor: number,
  required: number | null,
): AssessmentReason {
  const a = rate(avg);
  const f = rate(floor);
  const zh = `年均增长 ${a}，低于下限 ${f}`;
  const en = `average growth ${a} is below the floor of ${f}`;
  if (required === null) return both(zh, en);
  const r = rate(required);
  return both(`${zh}，其余年份需年均增长 ${r}`, `${en}; the remaining years need ${r} a year`);
}

/** At the end, an average rate just short of its floor (or just over its ceiling). */
export function rateJustShort(
  avg: number,
  bound: number,
  side: 'floor' | 'ceiling',
): AssessmentReason {
  const a = rate(avg);
  const b = rate(bound);
  return side === 'floor'
    ? both(`年均增长 ${a}，略低于下限 ${b}`, `average growth ${a} is just below the floor of ${b}`)
    : both(
        `年均增长 ${a}，略高于上限 ${b}`,
        `average growth ${a} is just above the ceiling of ${b}`,
      );
}

/** Reasons for a rate with a ceiling U only (at_most). */
export function rateWithinCeiling(avg: number, ceiling: number): AssessmentReason {
  const a = rate(avg);
  const c = rate(ceiling);
  return both(
    `年均增长 ${a}，未超过上限 ${c}`,
    `average growth ${a} stays within the ceiling of ${c}`,
  );
}
export function rateAboveCeiling(
  avg: number,
  ceiling: number,
  allowed: number | null,
): AssessmentReason {
  const a = rate(avg);
  const c = rate(ceiling);
  const zh = `年均增长 ${a}，超过上限 ${c}`;
  const en = `average growth ${a} is above the ceiling of ${c}`;
  if (allowed === null) return both(zh, en);
  const r = rate(allowed);
  return both(
    `${zh}，其余年份年均增长需不高于 ${r}`,
    `${en}; the remaining years may grow at most ${r} a year`,
  );
}
export const rateUncomputable = (): AssessmentReason =>
  both('实际增速无法计算年均值', 'the actual rates give no computable average');

function requirement(comparator: Comparator, bound: number, tolerance: number): AssessmentReason {
  switch (comparator) {
    case 'about': {
      const b = num(bound);
      const t = num(tolerance);
      return both(`在 ${b}±${t} 范围内`, `within ${b}±${t}`);
    }
    case 'at_least': {
      const b = num(bound - tolerance);
      return both(`不低于 ${b}`, `at least ${b}`);
    }
    case 'above': {
      const b = num(bound - tolerance);
      return both(`高于 ${b}`, `above ${b}`);
    }
    case 'at_most': {
      const b = num(bound + tolerance);
      return both(`不高于 ${b}`, `at most ${b}`);
    }
    case 'below': {
      const b = num(bound + tolerance);
      return both(`低于 ${b}`, `below ${b}`);
    }
  }
}

const MET: AssessmentReason = { zh: '达标', en: 'met' };
const BREACHED: AssessmentReason = { zh: '未达标', en: 'breached' };
/** Only read inside a reason, never returned: shared words are safe. */
const verdict = (met: boolean): AssessmentReason => (met ? MET : BREACHED);

const NONE: AssessmentReason = { zh: '', en: '' };

function earlier(breaches: readonly number[]): AssessmentReason {
  if (breaches.length === 0) return NONE;
  // Both languages' lists in one pass: 2021、2023 and 2021, 2023.
  let zh = `${breaches[0]}`;
  let en = zh;
  for (let k = 1; k < breaches.length; k++) {
    zh = `${zh}、${breaches[k]}`;
    en = `${en}, ${breaches[k]}`;
  }
  return both(`（此前 ${zh} 年未达标）`, ` (breached before in ${en})`);
}

export interface CheckFacts {
  year: number;
  value: number;
  comparator: Comparator;
  bound: number;
  tolerance: number;
  met: boolean;
  /** Earlier years that were breached. */
  breaches: readonly number[];
}

export function yearCheck(f: CheckFacts): AssessmentReason {
  const req = requirement(f.comparator, f.bound, f.tolerance);
  const v = verdict(f.met);
  const e = earlier(f.breaches);
  const value = num(f.value);
  return both(
    `${f.year} 年 ${value}，要求${req.zh}，${v.zh}${e.zh}`,
    `${f.year}: ${value}, required ${req.en}: ${v.en}${e.en}`,
  );
}

export function awaitingTarget(year: number, value: number): AssessmentReason {
  const v = num(value);
  return both(
    `${year} 年 ${v}，待下达年度目标`,
    `${year}: ${v}, the year's target is not assigned yet`,
  );
}

export interface LinkFacts {
  year: number;
  value: number;
  linkedSeq: number;
  linkedValue: number;
  /** The partner is a level (e.g. GDP in 亿元): its value here is its growth over the year before, in %. */
  growth: boolean;
  comparator: Comparator;
  tolerance: number;
  met: boolean;
  breaches: readonly number[];
}

export function linkedCheck(f: LinkFacts): AssessmentReason {
  const v = verdict(f.met);
  const e = earlier(f.breaches);
  const req = requirement(f.comparator, f.linkedValue, f.tolerance);
  const linked = num(f.linkedValue);
  const partnerZh = `关联指标（序号 ${f.linkedSeq}）${f.growth ? '增速 ' : ''}${linked}${f.growth ? '%' : ''}`;
  const partnerEn = f.growth
    ? `${linked}% growth of indicator #${f.linkedSeq}`
    : `${linked} for indicator #${f.linkedSeq}`;
  const value = num(f.value);
  return both(
    `${f.year} 年 ${value}，${partnerZh}，要求${req.zh}，${v.zh}${e.zh}`,
    `${f.year}: ${value} against ${partnerEn}, required ${req.en}: ${v.en}${e.en}`,
  );
}

export function linkedValueMissing(year: number, linkedSeq: number): AssessmentReason {
  return both(
    `${year} 年缺少关联指标（序号 ${linkedSeq}）的实际值`,
    `no ${year} actual for linked indicator #${linkedSeq}`,
  );
}

/** 动态调整 (spec §6): "原目标 70，2024 年调整为 65" (the words are `revisionWords`'). */
export function revisionNote(
  fromYear: number,
  original: string | null,
  revised: string | null,
): AssessmentReason {
  return revisionWords(fromYear, original, revised);
}
