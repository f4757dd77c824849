import type { Comparator } from '../plan';
import { compact, isUnit } from './text';

/** What one value cell of a plan says, before the row decides its target form. */
export type CellToken =
  | { kind: 'empty' }
  | { kind: 'dash' }
  | { kind: 'assigned' }
  /**
   * 与经济增长基本同步 (at_least, the plan's tolerance), 不低于GDP增长 (at_least, 0),
   * 高于/快于GDP增长 (above, 0): `basic` says the plan's 基本同步 tolerance applies.
   */
  | { kind: 'linked'; comparator: 'at_least' | 'above'; basic: boolean }
  | {
      kind: 'number';
      value: number;
      unit: string;
      comparator: Comparator | null;
      /** Words before the number state a limit (<4, ≥2.5, 不低于, 控制在…), not a level to reach. */
      prefixed: boolean;
      /** Printed in square brackets: a five-year total (累计). */
      total: boolean;
    }
  | { kind: 'unreadable'; message: string };

/** Words before a number: its comparator, and whether they state a limit (<4, ≥2.5, 不低于…). */
const PREFIXES: [string, Comparator | null, boolean][] = [
  ['不低于', 'at_least', true],
  ['不少于', 'at_least', true],
  ['不高于', 'at_most', true],
  ['不超过', 'at_most', true],
  ['控制在', 'at_most', true],
  ['>=', 'at_least', true],
  ['≥', 'at_least', true],
  ['⩾', 'at_least', true],
  ['<=', 'at_most', true],
  ['≤', 'at_most', true],
  ['⩽', 'at_most', true],
  ['<', 'below', true],
  ['低于', 'below', true],
  ['小于', 'below', true],
  ['>', 'above', true],
  ['高于', 'above', true],
  ['大于', 'above', true],
  ['超过', 'above', false],
  ['突破', 'above', false],
  ['力争达到', null, false],
  ['力争', null, false],
  ['达到', null, false],
  ['达', null, false],
  ['保持在', null, false],
  ['提高到', null, false],
  ['提升至', null, false],
  ['提升到', null, false],
];

const SUFFIXES: [string, Comparator][] = [
  ['左右', 'about'],
  ['及以上', 'at_least'],
  ['以上', 'at_least'],
  ['及以下', 'at_most'],
  ['以下', 'at_most'],
  ['以内', 'below'],
];

/**
 * 达到市要求 · 按市下达目标 · 按市定目标确定 · 完成上级下达任务 · [确保完成国家要求] ·
 * 完成国家和省下达任务 (spaces and brackets already removed).
 */
const ASSIGNED =
  /^(?:确保|力争)?(?:达到|完成|按|按照|执行|落实)(国家|省|市|区|县|上级)(?:和(?:国家|省|市|上级))?(?:下达|定|要求|确定)?的?(?:目标|要求|任务|指标)?(?:确定)?$/;

/** The level an assigned target names: 国家, 省, 市 (区, 县, 上级); null for another text. */
export function assignedLevel(text: string | null): string | null {
  return ASSIGNED.exec(compact(text).replace(/^[[【](.*)[\]】]$/, '$1'))?.[1] ?? null;
}
const ECONOMY = '(?:经济|地区生产总值|生产总值|GDP|gdp)(?:的)?(?:增长|增速|增幅)';
const LINKED_WITH = new RegExp(`^(?:与|和|同)${ECONOMY}(?:保持)?(基本)?同步$`);
const LINKED_BEYOND = new RegExp(`^(略?高于|快于|超过|不低于|不慢于)${ECONOMY}$`);
const DASH = /^[-_—–―－~/]+$/;

export function readCell(text: string | null): CellToken {
  const s = compact(text);
  if (s === '') return { kind: 'empty' };
  if (DASH.test(s)) return { kind: 'dash' };
  if (ASSIGNED.test(s.replace(/^[[【](.*)[\]】]$/, '$1'))) return { kind: 'assigned' };
  const withGrowth = LINKED_WITH.exec(s);
  if (withGrowth)
    return { kind: 'linked', comparator: 'at_least', basic: withGrowth[1] !== undefined };
  const beyond = LINKED_BEYOND.exec(s);
  if (beyond) {
    const atLeast = beyond[1] === '不低于' || beyond[1] === '不慢于';
    return { kind: 'linked', comparator: atLeast ? 'at_least' : 'above', basic: false };
  }
  const bracket = /^[[【](.+)[\]】](.*)$/.exec(s);
  if (bracket) return readNumber(`${bracket[1]}${bracket[2]}`, true);
  return readNumber(s, false);
}

function readNumber(s: string, total: boolean): CellToken {
  const prefix = PREFIXES.find(([p]) => s.startsWith(p));
  let rest = prefix ? s.slice(prefix[0].length) : s;
  const suffix = SUFFIXES.find(([x]) => rest.endsWith(x));
  if (suffix) rest = rest.slice(0, -suffix[0].length);
  const m = /^(\d+(?:\.\d+)?)(.*)$/.exec(rest);
  if (!m) return { kind: 'unreadable', message: 'no number, no dash and no known phrase' };
  const unit = m[2] ?? '';
  if (unit !== '' && !isUnit(unit))
    return { kind: 'unreadable', message: `unknown unit or words "${unit}" after the number` };
  const before = prefix?.[1] ?? null;
  const limit = prefix?.[2] ?? false;
  const after = suffix?.[1] ?? null;
  const controlled = prefix?.[0] === '控制在';
  if (before && after && before !== after && !controlled) {
    return {
      kind: 'unreadable',
      message: `"${prefix?.[0]}" and "${suffix?.[0]}" contradict each other`,
    };
  }
  return {
    kind: 'number',
    value: Number(m[1]),
    unit,
    comparator: after ?? before,
    prefixed: limit,
    total,
  };
}
