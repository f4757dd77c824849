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
export const latestSubject = (year: number, value: number): AssessmentReason =>
  both(`${year} 年 ${num(value)}`, `${num(value)} in ${year}`);
export const totalSubject = (total: number, compound = false): AssessmentReason =>
  compound
    ? both(`累计（逐年复合）${num(total)}`, `compounded total ${num(total)}`)
    : both(`累计 ${num(total)}`, `total ${num(total)}`);
/** A bound to reach, read from its year-B value. */
export const reachSubject = (year: number, value: number, start: number): AssessmentReason =>
  both(
    `${year} 年 ${num(value)}（基期 ${num(start)}）`,
    `${num(value)} in ${year} (baseline ${num(start)})`,
  );

export const targetReached = (s: AssessmentReason, goal: number): AssessmentReason =>
  both(`${s.zh}，已达到目标 ${num(goal)}`, `${s.en}: target ${num(goal)} reached`);
export const targetShort = (s: AssessmentReason, goal: number): AssessmentReason =>
  both(`${s.zh}，未达到目标 ${num(goal)}`, `${s.en}: short of the target ${num(goal)}`);
/** At the end of the period: the target was met. */
export const targetMet = (s: AssessmentReason, goal: number): AssessmentReason =>
  both(`${s.zh}，完成目标 ${num(goal)}`, `${s.en}: target ${num(goal)} met`);
/** At the end of the period: how much of the target was done. */
export const endCompletion = (s: AssessmentReason, goal: number, c: number): AssessmentReason =>
  both(
    `${s.zh}，目标 ${num(goal)}，完成目标的 ${pct1(c)}`,
    `${s.en}: ${pct1(c)} of the target ${num(goal)}`,
  );
/** A bound to reach, met in an earlier year (achieved midway, spec §2.4). */
export const reachedBefore = (year: number, s: AssessmentReason, goal: number): AssessmentReason =>
  both(
    `${year} 年已达到目标 ${num(goal)}；${s.zh}`,
    `target ${num(goal)} reached in ${year}; ${s.en}`,
  );

/** A view at year E of data that ends earlier says so (spec §1). */
export const dataAsOf = (year: number): AssessmentReason =>
  both(`数据截至 ${year} 年`, `data up to ${year}`);

/** Joins a prefix and a reason: "数据截至 2024 年；完成进度 80%…". */
export const prefixed = (head: AssessmentReason, r: AssessmentReason): AssessmentReason =>
  both(`${head.zh}；${r.zh}`, `${head.en}; ${r.en}`);

export function progress(completion: number, tau: number): AssessmentReason {
  const zh = `完成进度 ${pct(completion)}，时序进度 ${pct(tau)}`;
  const en = `${pct(completion)} complete, ${pct(tau)} of time elapsed`;
  return completion < 0
    ? both(`偏离目标方向，${zh}`, `moving away from the target: ${en}`)
    : both(zh, en);
}

const rate = (x: number): string => `${num(x)}%`;

/** Reasons for a rate with a floor L (about, at_least). */
export function rateAboveFloor(avg: number, floor: number): AssessmentReason {
  return both(
    `年均增长 ${rate(avg)}，达到下限 ${rate(floor)}`,
    `average growth ${rate(avg)} meets the floor of ${rate(floor)}`,
  );
}
export function rateOverCeiling(avg: number, ceiling: number): AssessmentReason {
  return both(
    `年均增长 ${rate(avg)}，高于上限 ${rate(ceiling)}（超额完成）`,
    `average growth ${rate(avg)} is above the ceiling of ${rate(ceiling)} (over-fulfilled)`,
  );
}
export function rateBelowFloor(
  avg: number,
  floor: number,
  required: number | null,
): AssessmentReason {
  const zh = `年均增长 ${rate(avg)}，低于下限 ${rate(floor)}`;
  const en = `average growth ${rate(avg)} is below the floor of ${rate(floor)}`;
  if (required === null) return both(zh, en);
  return both(
    `${zh}，其余年份需年均增长 ${rate(required)}`,
    `${en}; the remaining years need ${rate(required)} a year`,
  );
}

/** At the end, an average rate just short of its floor (or just over its ceiling). */
export function rateJustShort(
  avg: number,
  bound: number,
  side: 'floor' | 'ceiling',
): AssessmentReason {
  return side === 'floor'
    ? both(
        `年均增长 ${rate(avg)}，略低于下限 ${rate(bound)}`,
        `average growth ${rate(avg)} is just below the floor of ${rate(bound)}`,
      )
    : both(
        `年均增长 ${rate(avg)}，略高于上限 ${rate(bound)}`,
        `average growth ${rate(avg)} is just above the ceiling of ${rate(bound)}`,
      );
}

/** Reasons for a rate with a ceiling U only (at_most). */
export function rateWithinCeiling(avg: number, ceiling: number): AssessmentReason {
  return both(
    `年均增长 ${rate(avg)}，未超过上限 ${rate(ceiling)}`,
    `average growth ${rate(avg)} stays within the ceiling of ${rate(ceiling)}`,
  );
}
export function rateAboveCeiling(
  avg: number,
  ceiling: number,
  allowed: number | null,
): AssessmentReason {
  const zh = `年均增长 ${rate(avg)}，超过上限 ${rate(ceiling)}`;
  const en = `average growth ${rate(avg)} is above the ceiling of ${rate(ceiling)}`;
  if (allowed === null) return both(zh, en);
  return both(
    `${zh}，其余年份年均增长需不高于 ${rate(allowed)}`,
    `${en}; the remaining years may grow at most ${rate(allowed)} a year`,
  );
}
export const rateUncomputable = (): AssessmentReason =>
  both('实际增速无法计算年均值', 'the actual rates give no computable average');

function requirement(comparator: Comparator, bound: number, tolerance: number): AssessmentReason {
  switch (comparator) {
    case 'about':
      return both(
        `在 ${num(bound)}±${num(tolerance)} 范围内`,
        `within ${num(bound)}±${num(tolerance)}`,
      );
    case 'at_least':
      return both(`不低于 ${num(bound - tolerance)}`, `at least ${num(bound - tolerance)}`);
    case 'above':
      return both(`高于 ${num(bound - tolerance)}`, `above ${num(bound - tolerance)}`);
    case 'at_most':
      return both(`不高于 ${num(bound + tolerance)}`, `at most ${num(bound + tolerance)}`);
    case 'below':
      return both(`低于 ${num(bound + tolerance)}`, `below ${num(bound + tolerance)}`);
  }
}

const verdict = (met: boolean): AssessmentReason =>
  met ? both('达标', 'met') : both('未达标', 'breached');

function earlier(breaches: readonly number[]): AssessmentReason {
  if (breaches.length === 0) return both('', '');
  const years = breaches.join('、');
  return both(`（此前 ${years} 年未达标）`, ` (breached before in ${breaches.join(', ')})`);
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
  return both(
    `${f.year} 年 ${num(f.value)}，要求${req.zh}，${v.zh}${e.zh}`,
    `${f.year}: ${num(f.value)}, required ${req.en}: ${v.en}${e.en}`,
  );
}

export function awaitingTarget(year: number, value: number): AssessmentReason {
  return both(
    `${year} 年 ${num(value)}，待下达年度目标`,
    `${year}: ${num(value)}, the year's target is not assigned yet`,
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
  const partner = both(
    `关联指标（序号 ${f.linkedSeq}）${f.growth ? '增速 ' : ''}${num(f.linkedValue)}${f.growth ? '%' : ''}`,
    f.growth
      ? `${num(f.linkedValue)}% growth of indicator #${f.linkedSeq}`
      : `${num(f.linkedValue)} for indicator #${f.linkedSeq}`,
  );
  return both(
    `${f.year} 年 ${num(f.value)}，${partner.zh}，要求${req.zh}，${v.zh}${e.zh}`,
    `${f.year}: ${num(f.value)} against ${partner.en}, required ${req.en}: ${v.en}${e.en}`,
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
