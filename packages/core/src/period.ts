import type { PlanPeriod } from './plan';

/**
 * Plan periods (spec §1): a district has one plan per period, and every page, input and export
 * names the plan it is about by its period key `${B + 1}-${Y}` ("2021-2025" for the 14th plan).
 */

/** A plan's period without its mid-term year: what tells one of a district's plans from another. */
export type PeriodSpan = Pick<PlanPeriod, 'baselineYear' | 'targetYear'>;

/** Which of a round's three questions a year asks (spec §5). */
export type RoundKind = 'midterm' | 'final' | 'annual';

/** "2021-2025": the plan's first year and its target year. */
export function periodKey(p: PeriodSpan): string {
  return `${p.baselineYear + 1}-${p.targetYear}`;
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 14 → 十四, 20 → 二十, 21 → 二十一 (1–99). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const head = tens === 0 ? '' : tens === 1 ? '十' : `${CN_DIGITS[tens]}十`;
  return head + (ones === 0 ? '' : (CN_DIGITS[ones] ?? ''));
}

function parseChineseNumber(text: string): number | null {
  const m = /^([二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || (!m[2] && (m[1] || !m[3]))) return null;
  const digit = (c: string | undefined) => (c ? CN_DIGITS.indexOf(c) : 0);
  return m[2] ? (m[1] ? digit(m[1]) : 1) * 10 + digit(m[3]) : digit(m[3]);
}

/**
 * The number of the national Five-Year Plan a period is (14 for 2021–2025), or null when the
 * period is not one of them (a plan to 2035, a three-year plan). From the 3rd (1966–1970) on,
 * the n-th plan runs to 1955 + 5n.
 */
export function fiveYearPlanNumber(p: PeriodSpan): number | null {
  if (p.targetYear - p.baselineYear !== 5) return null;
  const n = (p.targetYear - 1955) / 5;
  return Number.isInteger(n) && n >= 3 ? n : null;
}

/** The national plan's period of number n: 14 → 2020/2025. */
function fiveYearPlanSpan(n: number): PeriodSpan {
  return { baselineYear: 1950 + 5 * n, targetYear: 1955 + 5 * n };
}

/** A short name: 十四五 / 14th FYP, or the years (2021–2035) for any other period. */
export function periodName(p: PeriodSpan, lang: 'zh' | 'en' = 'zh'): string {
  const n = fiveYearPlanNumber(p);
  const years = `${p.baselineYear + 1}–${p.targetYear}`;
  if (n === null) return years;
  if (lang === 'en') return `${n}${ordinalSuffix(n)} FYP`;
  return `${chineseNumber(n)}五`;
}

/** 十四五（2021–2025） / 14th FYP (2021–2025). */
export function periodLabel(p: PeriodSpan, lang: 'zh' | 'en' = 'zh'): string {
  const years = `${p.baselineYear + 1}–${p.targetYear}`;
  if (fiveYearPlanNumber(p) === null) return years;
  return lang === 'en' ? `${periodName(p, 'en')} (${years})` : `${periodName(p)}（${years}）`;
}

function ordinalSuffix(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

/** The message key and English text of a period that cannot be read. */
export const PERIOD_FORMAT_MESSAGE =
  'a period is written 2021-2025 (the plan’s first and target years), 14 or 十四五';

/**
 * A period as a user writes it: "2021-2025" (also with – or —), "14", "十四五", "“十四五”".
 * Null when it is none of these.
 */
export function parsePeriod(text: string): PeriodSpan | null {
  const s = text
    .trim()
    .replace(/^[“"'「]|[”"'」]$/g, '')
    .replace(/规划$/, '')
    .replace(/时期$/, '');
  const years = /^(\d{4})\s*[-–—~至]\s*(\d{4})$/.exec(s);
  if (years) {
    const first = Number(years[1]);
    const last = Number(years[2]);
    if (first < 1949 || last > 2100 || last < first) return null;
    return { baselineYear: first - 1, targetYear: last };
  }
  const number = /^(\d{1,2})(?:th|st|nd|rd)?$/i.exec(s);
  if (number) {
    const n = Number(number[1]);
    return n >= 3 && n <= 29 ? fiveYearPlanSpan(n) : null;
  }
  const cn = /^([一二三四五六七八九十]+)五$/.exec(s);
  if (cn?.[1]) {
    const n = parseChineseNumber(cn[1]);
    return n !== null && n >= 3 && n <= 29 ? fiveYearPlanSpan(n) : null;
  }
  return null;
}

export const samePeriod = (a: PeriodSpan, b: PeriodSpan) =>
  a.baselineYear === b.baselineYear && a.targetYear === b.targetYear;

/** Whether an evaluation at year E belongs to the plan: B < E ≤ Y (spec §1). */
export const coversYear = (p: PeriodSpan, year: number) =>
  p.baselineYear < year && year <= p.targetYear;

/** The years a plan's figures are entered for: its baseline year (when the plan left it blank) to Y. */
export function planYears(p: PeriodSpan): number[] {
  return Array.from({ length: p.targetYear - p.baselineYear + 1 }, (_, i) => p.baselineYear + i);
}

/** midterm at E = M, final at E = Y, annual otherwise. */
export function roundKind(p: PlanPeriod, year: number): RoundKind {
  if (year === p.targetYear) return 'final';
  if (year === p.midtermYear) return 'midterm';
  return 'annual';
}

/**
 * The year whose figures are being reported now: figures of a year are published and entered in
 * the next, so in December 2026 it is 2025. A deployment may set it (config REPORTING_YEAR).
 */
export function reportingYearAt(now: Date): number {
  return now.getFullYear() - 1;
}

/** What a request says about which plan it means. */
export interface PlanChoice {
  /** The period asked for, parsed. */
  period?: PeriodSpan | null;
  /** The evaluation or entry year asked for. */
  year?: number | null;
}

/**
 * Which of a district's plans a request is about (spec §1): the period asked for; else the plan
 * whose period covers the year asked for (B < E ≤ Y; a year that is only a baseline year picks
 * the plan it is the baseline of); else the plan of the reporting year; else the nearest plan
 * (the next one to start, or the latest one to end). Null when the district has no plan, or not
 * of the period asked for.
 */
export function choosePlan<P extends PeriodSpan>(
  plans: readonly P[],
  choice: PlanChoice,
  reportingYear: number,
): P | null {
  if (plans.length === 0) return null;
  if (choice.period) {
    const asked = choice.period;
    return plans.find((p) => samePeriod(p, asked)) ?? null;
  }
  const byYear = (year: number) =>
    plans.find((p) => coversYear(p, year)) ?? plans.find((p) => p.baselineYear === year) ?? null;
  if (choice.year !== undefined && choice.year !== null) {
    const found = byYear(choice.year);
    if (found) return found;
  }
  const current = byYear(reportingYear);
  if (current) return current;
  const sorted = [...plans].sort((a, b) => a.targetYear - b.targetYear);
  return sorted.find((p) => p.baselineYear >= reportingYear) ?? sorted[sorted.length - 1] ?? null;
}

/**
 * The year a plan's pages open at: the reporting year while the plan runs, its target year once
 * it has ended, its first year before it starts.
 */
export function defaultYear(p: PeriodSpan, reportingYear: number): number {
  return Math.min(p.targetYear, Math.max(p.baselineYear + 1, reportingYear));
}
