/** Full-width forms folded (NFKC) and every whitespace removed: the text as the parser compares it. */
export function compact(text: string | null): string {
  return (text ?? '').normalize('NFKC').replace(/\s+/g, '');
}

/**
 * Whitespace the PDF conversion put between Chinese characters removed; a single space kept only
 * between two Latin letters or digits ("单位 GDP 能耗" → "单位GDP能耗", "PM 2.5" stays apart).
 */
export function cleanText(text: string): string {
  return text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/ (?=[^A-Za-z0-9])|(?<=[^A-Za-z0-9]) /g, '');
}

const UNITS = new Set([
  '%',
  '‰',
  '百分点',
  '个百分点',
  '亿元',
  '亿',
  '亿美元',
  '万元',
  '元',
  '元/人',
  '万人',
  '人',
  '万人次',
  '人次',
  '万吨',
  '吨',
  '万斤',
  '斤',
  '万亩',
  '亩',
  '岁',
  '年',
  '天',
  '件',
  '个',
  '家',
  '所',
  '张',
  '床',
  '户',
  '万户',
  '项',
  '座',
  '条',
  '台',
  '辆',
  '套',
  '名',
  '处',
  '平方米',
  '万平方米',
  '公里',
  '千米',
  '公顷',
  '万千瓦',
  '亿千瓦时',
  '吨标准煤',
  '微克/立方米',
  '倍',
]);

export function isUnit(text: string): boolean {
  return UNITS.has(text);
}

/** A cell's unit agrees with the indicator's when one is empty or one extends the other (亿 / 亿元). */
export function sameUnit(a: string, b: string): boolean {
  return a === '' || b === '' || a.startsWith(b) || b.startsWith(a);
}

/**
 * The unit printed in the name's trailing brackets, "(%)" or "（元/人，2020年价格）", and the name
 * without it; a remark after the unit stays in the name. Brackets that hold no known unit, like
 * "(GDP)", stay part of the name.
 */
export function splitUnit(name: string): { name: string; unit: string } {
  const trimmed = name.trim();
  const m = /[(（]([^()（）]*)[)）]$/.exec(trimmed);
  if (!m) return { name: trimmed, unit: '' };
  const [first = '', ...rest] = (m[1] ?? '').split(/[，,]/);
  const unit = compact(first);
  if (!isUnit(unit)) return { name: trimmed, unit: '' };
  const head = trimmed.slice(0, m.index).trim();
  return { name: rest.length > 0 ? `${head}（${rest.join('，').trim()}）` : head, unit };
}

/**
 * A line of a plan document as a reader should see it: the inline formula markup a document
 * converter leaves written out as text ("细颗粒物($PM_{2.5}$)" → "细颗粒物(PM2.5)", "$CO_2$" →
 * "CO2", "$10^{4}$" → "10^4"), tabs between cells as wide gaps. The stored text is kept as printed.
 */
export function plainLine(text: string): string {
  return text
    .replace(/\$([^$\n]{1,80})\$/g, (_, math: string) =>
      math
        .replace(/\\(?:text|mathrm|rm)\{([^{}]*)\}/g, '$1')
        .replace(/_\{([^{}]*)\}|_(\w)/g, (_m, a?: string, b?: string) => a ?? b ?? '')
        .replace(/\^\{([^{}]*)\}|\^(\w)/g, (_m, a?: string, b?: string) => `^${a ?? b ?? ''}`)
        .replace(/\\([%&#_])/g, '$1')
        .replace(/\\times/g, '×')
        .replace(/\s+/g, ''),
    )
    .replace(/\t+/g, '　　')
    .trim();
}
