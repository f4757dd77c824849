import { STATUSES, statusLabels, type Status } from '@pm/core';
import type { EvaluationItem, EvaluationView } from '../views/evaluation';

/** Text shared by the Word and Excel reports of an evaluation round (Chinese, as such reports are). */

export const statusText = (s: Status) => statusLabels[s].zh;

export function num(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return String(Math.round(x * 100) / 100);
}

export const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : `${Math.round(x * 100)}%`;

export const attributeText = (a: EvaluationItem['attribute']) =>
  a === 'binding' ? '约束性' : '预期性';

export function latestText(item: EvaluationItem): string {
  const { latestValue, latestYear } = item.computed;
  if (latestValue === null || latestYear === null) return '—';
  return `${num(latestValue)}（${latestYear} 年）`;
}

export const dateText = (d: Date | string | null) =>
  d === null ? '—' : new Date(d).toISOString().slice(0, 10);

export function reportTitle(v: EvaluationView): string {
  const kind =
    v.round.year === v.plan.midtermYear ? '中期评估报告' : `${v.round.year} 年度评估报告`;
  return `${v.plan.title}实施${kind}`;
}

export function draftNote(v: EvaluationView): string | null {
  return v.round.status === 'open' ? '征求意见稿：本轮评估尚未定稿，内容可能变化。' : null;
}

export const DEMO_NOTE = '注：本报告含演示数据（标注“演示”），仅用于演示，不代表实际情况。';

export function overview(v: EvaluationView): string {
  const s = v.summary;
  const c = s.byStatus;
  const binding = v.items.filter((i) => i.attribute === 'binding').length;
  const others = c.awaiting_target + c.no_data;
  return (
    `${v.district.name}“十四五”规划确定主要指标 ${s.total} 项，其中约束性指标 ${binding} 项。` +
    `${v.round.year} 年度已有 ${v.completeness.reported} 项指标报送经审核的实际值（数据完整率 ${pct(v.completeness.share)}）。` +
    `纳入评价的 ${s.assessed} 项指标中，已完成 ${c.achieved} 项、符合预期 ${c.on_track} 项，` +
    `符合预期及以上占 ${pct(s.shareOnTrack)}；进度滞后 ${c.lagging} 项、严重滞后 ${c.seriously_lagging} 项` +
    `${others > 0 ? `；待下达目标 ${c.awaiting_target} 项、无数据 ${c.no_data} 项` : ''}。` +
    `约束性指标预警 ${s.bindingWarnings.length} 项。`
  );
}

/** Status counts, computed and as they stand, in the spec's order. */
export function countRows(v: EvaluationView): [string, number, number][] {
  return STATUSES.map((s) => [statusText(s), v.computedSummary.byStatus[s], v.summary.byStatus[s]]);
}

export const CATEGORY_HEAD = [
  '类别',
  '指标数',
  '已完成',
  '符合预期',
  '进度滞后',
  '严重滞后',
  '其他',
  '符合预期占比',
];

export function categoryRows(v: EvaluationView): (string | number)[][] {
  return Object.entries(v.summary.byCategory).map(([name, c]) => {
    const total = STATUSES.reduce((n, s) => n + c[s], 0);
    const assessed = total - c.not_assessed;
    const good = c.achieved + c.on_track;
    return [
      name,
      total,
      c.achieved,
      c.on_track,
      c.lagging,
      c.seriously_lagging,
      total - good - c.lagging - c.seriously_lagging,
      assessed > 0 ? pct(good / assessed) : '—',
    ];
  });
}

export const warnings = (v: EvaluationView) => v.items.filter((i) => i.bindingWarning);

export const reviewed = (v: EvaluationView) =>
  v.items.filter((i) => i.review?.decision === 'overridden' || i.review?.comment);
