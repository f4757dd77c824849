import type { ChildNode, Element } from 'domhandler';

const isElement = (node: ChildNode): node is Element => 'name' in node && 'attribs' in node;
const local = (el: Element) => el.name.slice(el.name.indexOf(':') + 1);
const kids = (el: Element) => el.children.filter(isElement);
const child = (el: Element | undefined, name: string) =>
  el ? kids(el).find((c) => local(c) === name) : undefined;
const attr = (el: Element | undefined, n: string) =>
  el
    ? (Object.entries(el.attribs).find(([k]) => k === n || k.endsWith(`:${n}`))?.[1] ?? null)
    : null;
const val = (el: Element | undefined) => attr(el, 'val');

interface Level {
  start: number;
  format: string;
  text: string;
  /** What Word prints between the number and the text: a tab (here a space), a space or nothing. */
  suffix: string;
}

const DIGITS = '〇一二三四五六七八九';
/** 1 → 一, 12 → 十二, 20 → 二十, 105 → 一百零五: Chinese counting as Word prints it. */
export function chineseCount(n: number): string {
  if (n <= 0 || n >= 1000) return String(n);
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  let s = h > 0 ? `${DIGITS[h]}百` : '';
  if (t > 0) s += `${h === 0 && t === 1 ? '' : DIGITS[t]}十`;
  else if (h > 0 && u > 0) s += '零';
  if (u > 0) s += DIGITS[u];
  return s;
}

const roman = (n: number) => {
  const table: [number, string][] = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let s = '';
  let r = n;
  for (const [v, t] of table)
    while (r >= v) {
      s += t;
      r -= v;
    }
  return s;
};
const letter = (n: number) => String.fromCharCode(0x61 + ((n - 1) % 26)).repeat(Math.ceil(n / 26));

/** A counter in a level's number format; null for a format not known (the number is listed). */
function formatted(n: number, format: string): string | null {
  switch (format) {
    case 'decimal':
    case 'decimalZero':
      return format === 'decimalZero' && n < 10 ? `0${n}` : String(n);
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCount(n);
    case 'ideographTraditional':
      return '甲乙丙丁戊己庚辛壬癸'[n - 1] ?? null;
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : null;
    case 'decimalEnclosedParen':
      return `(${n})`;
    case 'decimalFullWidth':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'lowerLetter':
      return letter(n);
    case 'upperLetter':
      return letter(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'none':
      return '';
    default:
      return null;
  }
}

/**
 * Word's automatic numbering (word/numbering.xml): the numbers Word prints before numbered
 * paragraphs — a 序号 column numbered by Word, 一、 headings — which are in no w:t of their own.
 */
export class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly nums = new Map<string, { abstract: string; starts: Map<number, number> }>();
  private readonly counters = new Map<string, number[]>();

  constructor(root: Element[] | undefined) {
    const numbering = root?.find((e) => local(e) === 'numbering');
    if (!numbering) return;
    for (const el of kids(numbering)) {
      if (local(el) === 'abstractNum') {
        const levels = new Map<number, Level>();
        for (const lvl of kids(el).filter((c) => local(c) === 'lvl'))
          levels.set(Number(attr(lvl, 'ilvl') ?? 0), {
            start: Number(val(child(lvl, 'start')) ?? 1),
            format: val(child(lvl, 'numFmt')) ?? 'decimal',
            text: val(child(lvl, 'lvlText')) ?? '',
            suffix: val(child(lvl, 'suff')) === 'nothing' ? '' : ' ',
          });
        this.abstracts.set(attr(el, 'abstractNumId') ?? '', levels);
      } else if (local(el) === 'num') {
        const starts = new Map<number, number>();
        for (const o of kids(el).filter((c) => local(c) === 'lvlOverride')) {
          const start = val(child(o, 'startOverride'));
          if (start !== null) starts.set(Number(attr(o, 'ilvl') ?? 0), Number(start));
        }
        this.nums.set(attr(el, 'numId') ?? '', {
          abstract: val(child(el, 'abstractNumId')) ?? '',
          starts,
        });
      }
    }
  }

  /** The number printed before a paragraph with w:numPr (advancing its list), or ''. */
  label(paragraph: Element): string {
    const numPr = child(child(paragraph, 'pPr'), 'numPr');
    const numId = val(child(numPr, 'numId'));
    if (!numPr || numId === null || numId === '0') return '';
    const num = this.nums.get(numId);
    const levels = num && this.abstracts.get(num.abstract);
    if (!num || !levels) return '';
    const ilvl = Number(val(child(numPr, 'ilvl')) ?? 0);
    const level = levels.get(ilvl);
    if (!level || level.format === 'bullet') return '';
    const key = num.starts.size > 0 ? `num:${numId}` : `abstract:${num.abstract}`;
    const startOf = (k: number) => num.starts.get(k) ?? levels.get(k)?.start ?? 1;
    const counts = this.counters.get(key) ?? Array.from({ length: 9 }, (_, k) => startOf(k) - 1);
    counts[ilvl] = (counts[ilvl] ?? 0) + 1;
    for (let k = ilvl + 1; k < counts.length; k++) counts[k] = startOf(k) - 1;
    this.counters.set(key, counts);
    let unknown = false;
    const text = level.text.replace(/%(\d)/g, (_, d: string) => {
      const k = Number(d) - 1;
      const f = formatted(counts[k] ?? 0, levels.get(k)?.format ?? 'decimal');
      if (f === null) unknown = true;
      return f ?? '';
    });
    return unknown ? '\uFFFD ' : text === '' ? '' : text + level.suffix;
  }
}
