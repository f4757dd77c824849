import {
  attributeWords,
  endBindingText,
  endBindingWarnings,
  endSummaryText,
  fiveYearPlanNumber,
  GRADES,
  isBindingWarning,
  NOT_GRADED,
  ON_TRACK,
  periodName,
  revisionNote,
  roundKindWords,
  shareOnTrack,
  STATUSES,
  STATUSES_OF,
  statusWords,
  type Phase,
  type RoundKind,
  type Status,
} from '@pm/core';
import type { EvaluationItem, RoundFacts as EvaluationView } from '../views/evaluation';

/** Text shared by the Word and Excel reports of an evaluation round (Chinese, as such reports are). */

/** An indicator's grade in the words of its phase and of the rules that graded the round. */
export const statusText = (v: EvaluationView, item: EvaluationItem, s: Status) =>
  statusWords(s, { phase: item.phase, rules: v.rules }).zh;

export function num(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return String(Math.round(x * 100) / 100);
}

export const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : `${Math.round(x * 100)}%`;

export const attributeText = (a: EvaluationItem['attribute']) => attributeWords[a].zh;

/** A cell's text as one phrase: the line breaks of a printed table cell ("达到 市要求") closed up. */
const closeUp = (text: string | null) =>
  text === null ? null : text.replace(/(\p{Script=Han})\s+(?=\p{Script=Han})/gu, '$1');

/** The plan's target; a revised one (动态调整) as "原目标 70，2024 年调整为 65". */
export function targetText(item: EvaluationItem): string | null {
  const r = item.computed.revision;
  return closeUp(r ? revisionNote(r.fromYear, r.originalText, r.revisedText).zh : item.targetText);
}

/** The latest figure and its year, as two lines ("66", "（2023 年）"), so a narrow column breaks between them. */
export function latestLines(item: EvaluationItem): string[] {
  const { latestValue, latestYear } = item.computed;
  if (latestValue === null || latestYear === null) return ['—'];
  return [num(latestValue), `（${latestYear} 年）`];
}

export const kindText = (k: RoundKind) => roundKindWords[k].zh;

/** “十四五”规划, or a plan of another span by its years: 2021–2035 年规划. */
export function planName(v: EvaluationView): string {
  const name = periodName(v.plan);
  return fiveYearPlanNumber(v.plan) === null ? `${name} 年规划` : `“${name}”规划`;
}

/**
 * 裕华区“十四五”规划总结评估报告 at the end of the period; a mid-term or yearly round is named
 * after the plan's title, as such reports always were.
 */
export function reportTitle(v: EvaluationView): string {
  switch (v.round.kind) {
    case 'final':
      return `${v.district.name}${planName(v)}总结评估报告`;
    case 'midterm':
      return `${v.plan.title}实施中期评估报告`;
    case 'annual':
      return `${v.plan.title}实施${v.round.year} 年度评估报告`;
  }
}

/** Whether the round reads as a final evaluation: at Y, graded by rules that know the end grades. */
export const isFinal = (v: EvaluationView) => v.round.kind === 'final' && v.rules !== 'v1';

export function draftNote(v: EvaluationView): string | null {
  return v.round.status === 'open' ? '征求意见稿：本轮评估尚未定稿，内容可能变化。' : null;
}

export const DEMO_NOTE = '注：本报告含演示数据（标注“演示”），仅用于演示，不代表实际情况。';

/** The phases the round grades in, midway first, computed and as they stand; v1 knew no end grades. */
function phasesOf(v: EvaluationView): Phase[] {
  if (v.rules === 'v1') return ['progress'];
  const seen = new Set([...v.computedSummary.phases, ...v.summary.phases]);
  return (['progress', 'end'] as const).filter((p) => seen.has(p));
}

/** A status in a summary: 提前实现 midway, 完成 at the end, both where the round has both. */
function summaryText(v: EvaluationView, s: Status): string {
  const words = phasesOf(v).map((phase) => statusWords(s, { phase, rules: v.rules }).zh);
  return [...new Set(words)].join('/');
}

/**
 * The statuses a round's summaries list, in the spec's order: the grades of its rules and its
 * indicators' phases, the ungraded ones, and any other that was given (an override may give one).
 */
function roundStatuses(v: EvaluationView): Status[] {
  const listed = new Set([...phasesOf(v).flatMap((p) => GRADES[p]), ...NOT_GRADED]);
  const given = (s: Status) => v.computedSummary.byStatus[s] + v.summary.byStatus[s] > 0;
  return STATUSES_OF[v.rules].filter((s) => listed.has(s) || given(s));
}

const gradesOf = (v: EvaluationView) => roundStatuses(v).filter((s) => !NOT_GRADED.includes(s));

/** What the share on track counts: 基本符合预期及以上 midway, 完成及基本完成 at the end. */
function onTrackText(v: EvaluationView): string {
  const w = (s: Status, phase: Phase) => statusWords(s, { phase, rules: v.rules }).zh;
  return phasesOf(v)
    .map((p) =>
      p === 'progress'
        ? `${w('on_track', p)}及以上`
        : `${w('achieved', p)}及${w('basically_achieved', p)}`,
    )
    .join('、');
}

/** The items with the status that stands, as the summary of a final round reads them. */
const standing = (v: EvaluationView) => v.items.map((i) => ({ ...i, status: i.finalStatus }));

const completenessText = (v: EvaluationView) =>
  `已有 ${v.completeness.reported} 项指标报送经审核的实际值（数据完整率 ${pct(v.completeness.share)}）。`;

const bindingCount = (v: EvaluationView) => v.items.filter((i) => i.attribute === 'binding').length;

function progressOverview(v: EvaluationView): string {
  const s = v.summary;
  const c = s.byStatus;
  const listed = (list: Status[]) => list.map((g) => `${summaryText(v, g)} ${c[g]} 项`).join('、');
  const grades = gradesOf(v);
  const others = c.awaiting_target + c.no_data;
  return (
    `${v.district.name}${planName(v)}确定主要指标 ${s.total} 项，其中约束性指标 ${bindingCount(v)} 项。` +
    `${v.round.year} 年度${completenessText(v)}` +
    `纳入评价的 ${s.assessed} 项指标中，${listed(grades.filter((g) => ON_TRACK.includes(g)))}，` +
    `${onTrackText(v)}占 ${pct(s.shareOnTrack)}；${listed(grades.filter((g) => !ON_TRACK.includes(g)))}` +
    `${others > 0 ? `；${listed(['awaiting_target', 'no_data'])}` : ''}。` +
    `约束性指标预警 ${s.bindingWarnings.length} 项。`
  );
}

/** The end of the period: 共 N 项指标：完成…, the share, then the binding indicators not achieved. */
function finalOverview(v: EvaluationView): string {
  const { year } = v.round;
  const items = standing(v);
  return (
    `本报告评估${v.district.name}${planName(v)}确定的主要指标至规划目标年 ${year} 年的完成情况。` +
    `${year} 年${completenessText(v)}` +
    endSummaryText(items, year).zh +
    `纳入评价的 ${v.summary.assessed} 项指标中，${onTrackText(v)}占 ${pct(v.summary.shareOnTrack)}。` +
    `规划确定约束性指标 ${bindingCount(v)} 项，${endBindingText(items).zh}`
  );
}

export const overview = (v: EvaluationView) =>
  isFinal(v) ? finalOverview(v) : progressOverview(v);

/** Status counts, computed and as they stand, in the spec's order. */
export function countRows(v: EvaluationView): [string, number, number][] {
  return roundStatuses(v).map((s) => [
    summaryText(v, s),
    v.computedSummary.byStatus[s],
    v.summary.byStatus[s],
  ]);
}

export const categoryHead = (v: EvaluationView) => [
  '类别',
  '指标数',
  ...gradesOf(v).map((s) => summaryText(v, s)),
  '其他',
  `${onTrackText(v)}占比`,
];

export function categoryRows(v: EvaluationView): (string | number)[][] {
  const grades = gradesOf(v);
  return Object.entries(v.summary.byCategory).map(([name, c]) => {
    const total = STATUSES.reduce((n, s) => n + c[s], 0);
    const graded = grades.map((s) => c[s]);
    return [
      name,
      total,
      ...graded,
      total - graded.reduce((n, k) => n + k, 0),
      pct(shareOnTrack(c)),
    ];
  });
}

/** The binding warnings, in plan order; in a final round those not achieved first. */
export const warnings = (v: EvaluationView): EvaluationItem[] =>
  isFinal(v) ? endBindingWarnings(standing(v)) : v.items.filter((i) => i.bindingWarning);

/** "以下 2 项约束性指标滞后预期、严重滞后或缺少数据，需重点关注：" in the round's words. */
export function warningLead(v: EvaluationView, n: number): string {
  const graded = roundStatuses(v).filter((s) => s !== 'no_data' && isBindingWarning('binding', s));
  return `以下 ${n} 项约束性指标${graded.map((s) => summaryText(v, s)).join('、')}或缺少数据，需重点关注：`;
}

export const reviewed = (v: EvaluationView) =>
  v.items.filter((i) => i.review?.decision === 'overridden' || i.review?.comment);

/** A date as official documents write it, in China's time: 2026年12月2日. */
export function chineseDate(d: Date | string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(new Date(d));
  const part = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${part('year')}年${part('month')}月${part('day')}日`;
}
