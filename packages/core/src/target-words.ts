import { num } from './assess/reason';
import { assignedLevel } from './parse/cell';
import { planTarget, type Comparator, type Indicator } from './plan';
import type { Words } from './words';

/**
 * A target written as a person would say it, from what was read (spec §2), not the printed cells:
 * "2025 年达到 70，年均增长 6%", "年均增长 6% 左右", "五年累计降低 13.5%", "每年不低于 95%",
 * "按市下达目标". The printed cells stay in `raw` for whoever wants the plan's own words.
 */
export function targetWords(
  indicator: Pick<Indicator, 'target' | 'unit' | 'raw'>,
  targetYear: number,
): Words {
  const t = indicator.target;
  const unit = indicator.unit;
  const amount = (x: number) => ({ zh: withUnit(num(x), unit), en: withUnitEn(num(x), unit) });
  const rateOf = (r: number, c: Words = { zh: '', en: '' }) => ({
    zh: `${r < 0 ? '年均下降' : '年均增长'} ${num(Math.abs(r))}%${c.zh}`,
    en: `${r < 0 ? 'falling' : 'growing'} ${c.en}${num(Math.abs(r))}% a year`,
  });
  switch (t.form) {
    case 'level': {
      if (t.value === null) break;
      const verb = t.direction === 'decrease' ? '降至' : '达到';
      const a = amount(t.value);
      const c = comparatorAfter(t.comparator);
      const head = {
        zh: `${targetYear} 年${verb} ${a.zh}${c.zh}`,
        en: `${c.en}${a.en} by ${targetYear}`,
      };
      if (t.rate === null) return head;
      const r = rateOf(t.rate);
      return { zh: `${head.zh}，${r.zh}`, en: `${head.en}, ${r.en}` };
    }
    case 'annual_rate': {
      if (t.rate === null) break;
      return rateOf(t.rate, comparatorAfter(t.comparator));
    }
    case 'cumulative': {
      if (t.cumulative === null) break;
      const c = comparatorAfter(t.comparator);
      if (t.sumOf === 'compound') {
        const down = t.direction === 'decrease';
        return {
          zh: `五年累计${down ? '降低' : '提高'} ${num(t.cumulative)}%${c.zh}`,
          en: `${c.en}${num(t.cumulative)}% ${down ? 'lower' : 'higher'} over five years`,
        };
      }
      const a = amount(t.cumulative);
      const total =
        t.sumOf === 'increases'
          ? { zh: `五年累计提高 ${a.zh}${c.zh}`, en: `${c.en}${a.en} more over five years` }
          : { zh: `五年累计 ${a.zh}${c.zh}`, en: `${c.en}${a.en} over five years` };
      if (t.value === null) return total;
      const at = amount(t.value);
      return {
        zh: `${targetYear} 年达到 ${at.zh}（${total.zh}）`,
        en: `${at.en} by ${targetYear} (${total.en})`,
      };
    }
    case 'bound': {
      if (t.value === null || t.comparator === null) break;
      const a = amount(t.value);
      return {
        zh: `每年${BOUND_ZH[t.comparator]} ${a.zh}`,
        en: `${BOUND_EN[t.comparator]} ${a.en} every year`,
      };
    }
    case 'maintain': {
      const level = t.value ?? t.baseline;
      if (level === null) break;
      const a = amount(level);
      return { zh: `保持 ${a.zh}`, en: `held at ${a.en}` };
    }
    case 'assigned': {
      // The plan's own phrase (达到市要求, 按市下达目标), without the spaces and brackets of its cell.
      const printed = planTarget(indicator.raw) ?? '';
      const level = assignedLevel(printed) ?? '上级';
      const zh = printed.replace(/\s+/g, '').replace(/^[[【](.*)[\]】]$/, '$1');
      return {
        zh: zh || `按${level}下达目标`,
        en: `the target ${LEVEL_EN[level] ?? 'set above'}`,
      };
    }
    case 'linked':
      return t.comparator === 'above'
        ? { zh: '高于经济增长', en: 'faster than the economy' }
        : { zh: '与经济增长基本同步', en: 'in step with the economy' };
    case 'monitor':
      return { zh: '不设目标，监测', en: 'monitored, no target' };
  }
  // A target without the number its form needs: the plan's own words, spaces from a PDF removed.
  const printed = planTarget(indicator.raw)?.replace(/\s+/g, '') ?? '—';
  return { zh: printed, en: printed };
}

const withUnit = (n: string, unit: string) =>
  unit === '' ? n : /^[%‰℃]$/.test(unit) ? `${n}${unit}` : `${n} ${unit}`;
const withUnitEn = withUnit;

/** 左右 / 以上 / 以下 / 以内 after a level or a rate; English before it. */
function comparatorAfter(c: Comparator | null): Words {
  switch (c) {
    case 'about':
      return { zh: '左右', en: 'about ' };
    case 'at_least':
      return { zh: '以上', en: 'at least ' };
    case 'at_most':
      return { zh: '以下', en: 'at most ' };
    case 'below':
      return { zh: '以内', en: 'under ' };
    case 'above':
      return { zh: '以上', en: 'over ' };
    default:
      return { zh: '', en: '' };
  }
}

const BOUND_ZH: Record<Comparator, string> = {
  about: '保持在',
  at_least: '不低于',
  at_most: '不高于',
  below: '低于',
  above: '高于',
};
const BOUND_EN: Record<Comparator, string> = {
  about: 'about',
  at_least: 'at least',
  at_most: 'at most',
  below: 'under',
  above: 'over',
};
const LEVEL_EN: Record<string, string> = {
  国家: 'set by the state',
  省: 'set by the province',
  市: 'set by the city',
  区: 'set by the district',
  县: 'set by the county',
  上级: 'set above',
};
