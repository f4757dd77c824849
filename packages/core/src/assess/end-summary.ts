import type { Attribute } from '../plan';
import { statusWords, type Words } from '../words';
import { GRADES, isBindingWarning, NOT_GRADED, type Phase, type Status } from './status';

/**
 * The summary of a final evaluation (总结评估, spec §3 end of period, §5) in words: how many
 * indicators were 完成, 基本完成 and 未完成, and which binding indicators were not achieved.
 */

/** An indicator as a round's summary reads it: the status that stands, in the phase it was graded. */
export interface GradedIndicator {
  seq: number;
  name: string;
  attribute: Attribute;
  status: Status;
  phase: Phase;
}

/** Binding warnings at the end of a period, worst first: 未完成, then the midway ones, then 无数据. */
const WARNING_ORDER: readonly Status[] = [
  'not_achieved',
  'seriously_lagging',
  'lagging',
  'no_data',
];

/** The binding warnings of a final round: those not achieved first, the others after; plan order within each. */
export function endBindingWarnings<T extends GradedIndicator>(items: readonly T[]): T[] {
  const rank = (i: T) => WARNING_ORDER.indexOf(i.status);
  return items
    .filter((i) => isBindingWarning(i.attribute, i.status))
    .sort((a, b) => rank(a) - rank(b));
}

interface Count {
  status: Status;
  phase: Phase;
  n: number;
}

const word = (c: Pick<Count, 'status' | 'phase'>) => statusWords(c.status, { phase: c.phase });

const zhCounts = (list: readonly Count[]) => list.map((c) => `${word(c).zh} ${c.n} 项`).join('、');
const enCounts = (list: readonly Count[]) => list.map((c) => `${c.n} ${word(c).en}`).join(', ');
const indicators = (n: number) => `${n} indicator${n === 1 ? '' : 's'}`;

/**
 * "共 22 项指标：完成 15 项、基本完成 3 项、未完成 2 项，无数据 2 项。" The three end grades always,
 * the indicators still graded on progress (no figure for year `year`, the target year) and those
 * given no grade only when there are any.
 */
export function endSummaryText(items: readonly GradedIndicator[], year: number): Words {
  const count = (status: Status, phase: Phase, ofPhase = true): Count => ({
    status,
    phase,
    n: items.filter((i) => i.status === status && (!ofPhase || i.phase === phase)).length,
  });
  const end = GRADES.end.map((s) => count(s, 'end'));
  const midway = GRADES.progress.map((s) => count(s, 'progress')).filter((c) => c.n > 0);
  const ungraded = NOT_GRADED.map((s) => count(s, 'end', false)).filter((c) => c.n > 0);
  const m = midway.reduce((n, c) => n + c.n, 0);
  const zh = [zhCounts(end)];
  const en = [enCounts(end)];
  if (m > 0) {
    zh.push(`尚无 ${year} 年数据、按进度评价 ${m} 项（${zhCounts(midway)}）`);
    en.push(`${m} without ${year} figures, graded on progress (${enCounts(midway)})`);
  }
  if (ungraded.length > 0) {
    zh.push(zhCounts(ungraded));
    en.push(enCounts(ungraded));
  }
  return {
    zh: `共 ${items.length} 项指标：${zh.join('，')}。`,
    en: `${indicators(items.length)}: ${en.join('; ')}.`,
  };
}

/**
 * "约束性指标未完成 2 项：A、B；无数据 1 项：C。" The binding warnings of a final round grouped by
 * status in the order of `endBindingWarnings`, each group naming its indicators in plan order.
 */
export function endBindingText(items: readonly GradedIndicator[]): Words {
  const warned = endBindingWarnings(items);
  if (warned.length === 0)
    return { zh: '无约束性指标预警。', en: 'No binding indicator is in warning.' };
  const groups: { first: GradedIndicator; names: string[] }[] = [];
  for (const i of warned) {
    const last = groups.at(-1);
    if (last?.first.status === i.status) last.names.push(i.name);
    else groups.push({ first: i, names: [i.name] });
  }
  const zh = groups.map((g) => `${word(g.first).zh} ${g.names.length} 项：${g.names.join('、')}`);
  const en = groups.map((g) => `${word(g.first).en} (${g.names.length}): ${g.names.join(', ')}`);
  return { zh: `约束性指标${zh.join('；')}。`, en: `Binding indicators ${en.join('; ')}.` };
}
