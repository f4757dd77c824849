import type { Indicator } from '../plan';
import { readFigure, type FigureReading } from './figure';

/**
 * Units of things counted one by one (个, 所, 家…): their figures are whole numbers. A unit is
 * matched whole, so 个百分点 (a difference of rates), 万个 or 亿元 are no counts.
 */
export const COUNT_UNITS: readonly string[] = [
  '个',
  '所',
  '家',
  '项',
  '人',
  '名',
  '次',
  '人次',
  '座',
  '条',
  '处',
  '件',
  '户',
];

/** A ratio to the population or an average (每万人口…数, 人均, 平均) is no count, whatever its unit. */
const PER_HEAD = /^每|人均|户均|平均/;

export type CountIndicator = Pick<Indicator, 'name' | 'unit'>;

/** Whether the indicator's figures count things one by one, and so must be whole numbers. */
export function isCountIndicator(indicator: CountIndicator): boolean {
  return COUNT_UNITS.includes(indicator.unit.trim()) && !PER_HEAD.test(indicator.name.trim());
}

/** A figure of an indicator as read, or why it is none: `not_whole` is a fraction of a count. */
export type IndicatorFigureReading = FigureReading | { ok: false; error: 'not_whole' };

/**
 * Reads a figure of `indicator` (see `readFigure`, with its unit) and refuses a fraction where the
 * indicator counts things (`isCountIndicator`): 12.5 个 is a slip, 12.5 件 per 10,000 people is not.
 */
export function readIndicatorFigure(
  text: string | number,
  indicator: CountIndicator,
): IndicatorFigureReading {
  const reading = readFigure(text, indicator.unit);
  const fraction = reading.ok && reading.value !== null && !Number.isInteger(reading.value);
  return fraction && isCountIndicator(indicator) ? { ok: false, error: 'not_whole' } : reading;
}

/** A fraction of a count refused, in English, naming the indicator and its unit. */
export function notWholeText(at: { seq: number; name: string; unit: string; text: string }) {
  return `indicator ${at.seq} ${at.name} is counted in "${at.unit}": give a whole number, not ${at.text}`;
}
