import {
  GRADES,
  NOT_GRADED,
  ON_TRACK,
  tidyPunctuation,
  type Narrative,
  type Status,
} from '@pm/core';
import type { EvaluationItem, RoundFacts } from '../views/evaluation';
import { isFinal, num, pct, planName, statusText } from './format';

/**
 * The first drafts of a report's narrative, written from the round's data: counts by grade, the
 * indicators that moved most, the lagging binding indicators and what they still need. A reviewer
 * edits them before finalizing; they never hold a rule of their own (the grades come from core).
 */

const MOVERS = 3;

const withUnit = (x: number | null, unit: string) => (x === null ? '—' : `${num(x)}${unit}`);

/** 提前实现 2 项、快于预期 1 项 — the grades given, in the spec's order, those with none left out. */
function counted(v: RoundFacts, statuses: readonly Status[]): string {
  const byText = new Map<string, number>();
  for (const i of v.items) {
    if (!statuses.includes(i.finalStatus)) continue;
    const text = statusText(v, i, i.finalStatus);
    byText.set(text, (byText.get(text) ?? 0) + 1);
  }
  const order = statuses.flatMap((s) =>
    v.items.filter((i) => i.finalStatus === s).map((i) => statusText(v, i, s)),
  );
  return [...new Set(order)].map((t) => `${t} ${byText.get(t)} 项`).join('、');
}

/** The grades below on track, midway and at the end. */
const BEHIND: readonly Status[] = [...new Set([...GRADES.progress, ...GRADES.end])].filter(
  (g) => !ON_TRACK.includes(g),
);
const good = (i: EvaluationItem) => ON_TRACK.includes(i.finalStatus);
const behind = (i: EvaluationItem) =>
  !good(i) && !NOT_GRADED.includes(i.finalStatus) && i.finalStatus !== 'no_data';

/** 由 50 个提高到 62 个（完成进度 60%） */
function movement(i: EvaluationItem): string {
  const { baseline, latestValue, latestYear, completion, averageRate } = i.computed;
  if (averageRate !== null) return `年均增长 ${num(averageRate)}%`;
  if (baseline === null || latestValue === null)
    return latestYear === null
      ? '尚无数据'
      : `，${latestYear} 年为 ${withUnit(latestValue, i.unit)}`;
  const verb = latestValue >= baseline ? '提高到' : '降低到';
  const done = completion === null ? '' : `（完成进度 ${pct(completion)}）`;
  return `由 ${withUnit(baseline, i.unit)}${verb} ${withUnit(latestValue, i.unit)}${done}`;
}

/** The indicators on track that moved most: by pace ρ, else by completion. */
function movers(v: RoundFacts): EvaluationItem[] {
  const score = (i: EvaluationItem) => i.computed.pace ?? i.computed.completion ?? 0;
  return v.items
    .filter((i) => good(i) && i.computed.latestValue !== null)
    .sort((a, b) => score(b) - score(a))
    .slice(0, MOVERS);
}

function achievements(v: RoundFacts): string {
  const s = v.summary;
  const onTrack = counted(v, ON_TRACK);
  const head =
    `截至 ${v.round.year} 年，${v.district.name}${planName(v)}确定的 ${s.total} 项主要指标中，` +
    `${s.assessed} 项纳入评价，` +
    (onTrack
      ? `${onTrack}，合计占纳入评价指标的 ${pct(s.shareOnTrack)}。`
      : '尚无指标达到预期进度。');
  const top = movers(v);
  if (top.length === 0) return head;
  const lines = top.map((i) => `${i.name}${movement(i)}`);
  return `${head}\n进展较好的指标有：${lines.join('；')}。`;
}

function problems(v: RoundFacts): string {
  const lagging = v.items.filter(behind);
  const missing = v.items.filter((i) => i.finalStatus === 'no_data');
  const waiting = v.items.filter((i) => i.finalStatus === 'awaiting_target');
  const parts: string[] = [];
  parts.push(
    lagging.length === 0
      ? '纳入评价的指标均达到预期进度。'
      : isFinal(v)
        ? `至规划目标年，未完成规划目标的指标 ${lagging.length} 项。`
        : `${counted(v, BEHIND)}，未达到预期进度。`,
  );
  const binding = lagging.filter((i) => i.attribute === 'binding');
  if (binding.length > 0)
    parts.push(
      `约束性指标中，${binding
        .map((i) => `${i.name}${statusText(v, i, i.finalStatus)}：${i.computed.reason.zh}`)
        .join('；')}。`,
    );
  const expected = lagging.filter((i) => i.attribute !== 'binding');
  if (expected.length > 0)
    parts.push(`预期性指标中，${expected.map((i) => `${i.name}${movement(i)}`).join('；')}。`);
  if (missing.length > 0)
    parts.push(
      `${missing.map((i) => i.name).join('、')}共 ${missing.length} 项指标尚无经审核的数据，无法评价。`,
    );
  if (waiting.length > 0)
    parts.push(`${waiting.map((i) => i.name).join('、')}尚待上级下达年度目标。`);
  return parts.join('\n');
}

/** What the reviewers wrote on the lagging indicators; the gap itself where they wrote nothing. */
function causes(v: RoundFacts): string {
  const lagging = v.items.filter(behind);
  if (lagging.length === 0) return '各项指标总体按规划推进，未发现需要专门分析原因的滞后指标。';
  const lines = lagging.map((i) => {
    const said = [i.review?.reason, i.review?.comment].filter((t): t is string => !!t);
    const dept = i.leadDepartment ? `（牵头单位：${i.leadDepartment}）` : '';
    return said.length > 0
      ? `${i.name}${dept}：${said.join('；')}`
      : `${i.name}${dept}：${i.computed.reason.zh}，具体原因待牵头单位分析说明`;
  });
  return lines.map((l) => `${l}。`).join('\n');
}

/** 今后 2 年需年均增长 6.1%，方能实现规划目标 */
function need(v: RoundFacts, i: EvaluationItem): string {
  const left = v.plan.targetYear - (i.computed.latestYear ?? v.round.year);
  const { requiredRate, requiredPace, trend } = i.computed;
  if (left <= 0) return '纳入下一期规划统筹推进';
  if (requiredRate !== null)
    return `今后 ${left} 年需年均增长 ${num(requiredRate)}%，方能实现规划目标`;
  if (requiredPace !== null)
    return trend === 'compound'
      ? `今后 ${left} 年需年均增长 ${num(requiredPace)}%，方能实现规划目标`
      : `今后 ${left} 年需年均提高 ${withUnit(requiredPace, i.unit)}，方能实现规划目标`;
  return '需加快推进，确保实现规划目标';
}

function nextSteps(v: RoundFacts): string {
  const lagging = v.items.filter(behind);
  const lines = lagging.map(
    (i) => `${i.name}：${need(v, i)}${i.leadDepartment ? `，由${i.leadDepartment}牵头落实` : ''}。`,
  );
  const close = isFinal(v)
    ? '做好本期规划收官评估与下一期规划的衔接，未完成的指标纳入下一期规划统筹推进。'
    : '加强规划实施年度监测分析，对滞后指标逐项明确责任和时限，确保规划目标如期实现。';
  const data = v.items.some((i) => i.finalStatus === 'no_data')
    ? '督促牵头单位按时报送经审核的年度数据。'
    : '';
  return [...lines, close + data].join('\n');
}

/** The four first drafts of a round's narrative. */
export function narrativeDrafts(v: RoundFacts): Narrative {
  return {
    achievements: tidyPunctuation(achievements(v)),
    problems: tidyPunctuation(problems(v)),
    causes: tidyPunctuation(causes(v)),
    nextSteps: tidyPunctuation(nextSteps(v)),
  };
}
