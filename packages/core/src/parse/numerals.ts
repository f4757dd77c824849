const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const POWERS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** The characters a Chinese numeral is written with; 万 and 亿 belong to the unit (十万人 is 10 万人). */
export const CHINESE_NUMERAL = '[零〇一二两三四五六七八九十百千]+';

/**
 * A Chinese numeral as a number: 十 10, 百 100, 千 1000, 两 2, 三十五 35, 一百零五 105; null for
 * anything else (十四五 is no numeral, nor 二〇三五 or 一二).
 */
export function chineseNumber(text: string): number | null {
  if (!new RegExp(`^${CHINESE_NUMERAL}$`).test(text)) return null;
  return belowTenThousand(text);
}

function belowTenThousand(text: string): number | null {
  let total = 0;
  let digit: number | null = null;
  let lastPower = Infinity;
  let zero = false;
  for (const ch of text) {
    if (ch === '零' || ch === '〇') {
      if (digit !== null || lastPower === Infinity) return null;
      zero = true;
      continue;
    }
    if (ch in DIGITS) {
      if (digit !== null) return null;
      digit = DIGITS[ch]!;
      continue;
    }
    const power = POWERS[ch];
    if (power === undefined || power >= lastPower) return null;
    total += (digit ?? 1) * power;
    digit = null;
    lastPower = power;
  }
  if (digit === null) return total;
  const units = lastPower === Infinity || lastPower === 10 || zero;
  return units ? total + digit : null;
}
