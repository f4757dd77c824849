import type { Target } from '../plan';
import { CHINESE_NUMERAL, chineseNumber } from './numerals';
import { parseTarget } from './target';
import { compact, isUnit } from './text';

/**
 * How the sentence states its figure: a level at the target year, a five-year total (累计,
 * 新增, 培养…), or a line held in every year (保持, 确保, 动态为零).
 */
export type TextReading = 'level' | 'total' | 'every_year';

/** One target stated in the running text ("全区GDP总量力争达到580亿元左右"). */
export interface TextTarget {
  /** What the figure is about, as the sentence names it ("GDP总量", "超20亿级的产业集群"). */
  name: string;
  unit: string;
  /** The figure as printed: "580亿元左右", "1至2所", "十名", "Ⅳ类", "动态为零". */
  text: string;
  reading: TextReading;
  target: Target;
  /** The class a count is of (形成3个超20亿级的产业集群: "超20亿级"), kept beside the count. */
  qualifier: string | null;
}

/** A figure the sentence prints that was not read as a target, and why. */
export interface TextMiss {
  text: string;
  reason: string;
}

export interface TextTargets {
  targets: TextTarget[];
  unread: TextMiss[];
}

const SUFFIX = '(?:左右|及以上|以上|及以下|以下|以内)';
const NUMBER = `(?:\\d+(?:\\.\\d+)?|${CHINESE_NUMERAL})`;
const UNITS = [
  '个百分点',
  '百分点',
  '微克/立方米',
  '万平方米',
  '平方米',
  '亿美元',
  '亿元',
  '万元',
  '万人次',
  '人次',
  '万人',
  '万亩',
  '万吨',
  '万户',
  '公里',
  '公顷',
  '%',
  '‰',
  '亿',
  '元',
  '人',
  '亩',
  '吨',
  '天',
  '个',
  '家',
  '所',
  '名',
  '处',
  '项',
  '座',
  '条',
  '户',
  '张',
  '床',
  '件',
  '套',
  '台',
  '辆',
  '倍',
].filter((u) => isUnit(u));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const AMOUNT = new RegExp(
  `(${NUMBER})(?:(?:至|到|~|-|—|–)(${NUMBER}))?(${UNITS.map(escape).join('|')})(${SUFFIX})?`,
  'g',
);
/** 超20亿级, 百亿级, 五十亿级: the class of the things counted, not a figure to reach. */
const QUALIFIER = new RegExp(`^超?${NUMBER}(?:(?:万|亿)元?级?|级)(?:\\([^)]*\\))?`);
const COUNTED = new Set(['个', '家', '所', '处', '项', '座', '条']);
const QUALIFIER_ANYWHERE = new RegExp(`超?${NUMBER}(?:万|亿)?元?级`, 'g');

/** Figures that are part of a name or a date: PM2.5, 5G, 2025年, 2021-2025年, quoted names. */
const MASKS = [
  /[A-Za-z]+\d+(?:\.\d+)?|\d+(?:\.\d+)?[A-Za-z]+/g,
  /(?:19|20)\d\d(?:[-—–~至到](?:19|20)?\d\d)?年(?:度|代|底|末)?/g,
  /“[^”]*”|"[^"]*"|‘[^’]*’/g,
  QUALIFIER_ANYWHERE,
  new RegExp(`${NUMBER}(?:万(?!平方米|人|亩|吨|户|元|千瓦)|亿(?!元|美元|千瓦时))(?!\\d|$)`, 'g'),
  new RegExp(`第${NUMBER}`, 'g'),
];

/** Figures the sentence states about a past year: an achievement, not a target. */
const PAST = /(?:较|比|与)(?:19|20)\d\d年|由(?:19|20)\d\d年|(?:19|20)\d\d年(?:的|为)/;

/** 由劣V类改善为III类, 由22.7%提升至86.7%: a change, a target only when the sentence says when it is due. */
const CHANGE = /由.+?(?:提升|提高|改善|增加|增长|下降|减少|降低|降|升)(?:至|为|到)/;
const FUTURE = /(?:到|至)(?:19|20)\d\d年|五”?"?末|期末|力争|争取|确保/;

/** Verbs that count what is done over the period: the figure is a five-year total. */
const TOTAL_VERBS =
  /累计|^(?:新增|新建|新培育|培育|培养|培训|选拔|认定|引进|发放|带动|配建|推进|更新|完成)/;
/** Units of things counted or spent; a figure in them stated for the whole period (期间) is its total. */
const COUNT_UNITS =
  /^(?:个|家|所|名|人|万人|人次|万人次|处|项|座|条|户|万户|张|床|件|套|台|辆|万元|亿元|亿美元|亿|元|万亩|亩|万平方米|平方米|公里|公顷)$/;
/** Verbs before a count of things that stand at the end of the period. */
const OBJECT_VERBS = `新建成|新建|新增|新培育|培育|培养|引进|配建|建设|改造|推进|更新和新建|打造|形成|建成|创建|发放`;
const OBJECT_VERB = new RegExp(`(${OBJECT_VERBS})$`);
const OBJECT_VERB_LIST = new RegExp(`(${OBJECT_VERBS})[^,]*等$`);
const LEVEL_OBJECT_VERBS = /^(?:打造|形成|建成|创建)$/;
const HOLD = /保持|持续|始终|稳定在/;
/** Words of a statement of their own: the words after a figure go past what it counts. */
const RUN_ON = /提高|提升|增强|加快|明显|显著|更加|不断|进一步|基本形成/;

/** Words before the figure that the target parser reads (its comparator), kept in the target text. */
const COMPARATOR = /(控制在|不低于|不少于|不高于|不超过|高于|低于|大于|小于|超过|突破|≥|≤|>|<)$/;
const VERB_TAIL =
  /(?:分别)?(?:力争|争取|确保)?(?:分别)?(?:实现|达到|达|提高到|提高至|提升至|提升到|增加到|增至|保持在|保持|稳定在|为|总数达到)?(?:年均)?$/;
const LEAD =
  /^(?:即|其中|并|同时|且|要|使|积极|严格|大力|加快|扎实|稳步|有序|确定|力争|争取|确保|预计|实现|我区|全区|全市|全县|区内|到|至|在|“?"?十[一二三四五六七八九]五”?"?(?:末|期末|期间|时期)|(?:19|20)\d\d年(?:底|末|前)?|规划期末|期末|年底前)+/;

interface Context {
  period: boolean;
  end: boolean;
  ensure: boolean;
  last: TextTarget | null;
  /** The verb of the last "新建成3个…" figure: "20个市级…" after it is counted the same way. */
  objectVerb: string | null;
}

/**
 * The targets one sentence of the running text states. Every figure is read by the plan's target
 * parser or listed with the reason it was not; nothing is guessed: a figure followed by words it
 * does not name, a list whose names and figures do not pair, a past year's figure stay unread.
 */
export function readTextTargets(sentence: string): TextTargets {
  const out: TextTargets = { targets: [], unread: [] };
  const ctx: Context = { period: false, end: false, ensure: false, last: null, objectVerb: null };
  for (const clause of compact(sentence).split(/[,;:。!?]/)) {
    if (clause === '') continue;
    readClause(clause, ctx, out);
    if (/期间|时期/.test(clause)) ctx.period = true;
    if (/(?:到|至)(?:19|20)\d\d年|五”?"?末|期末/.test(clause)) ctx.end = true;
    if (/确保/.test(clause)) ctx.ensure = true;
  }
  return out;
}

function readClause(clause: string, ctx: Context, out: TextTargets): void {
  if (PAST.test(clause)) {
    if (amounts(clause).length > 0)
      out.unread.push({ text: clause, reason: 'a figure of a past year: not a target' });
    return;
  }
  if (CHANGE.test(clause) && !ctx.end && !ctx.period && !FUTURE.test(clause)) {
    out.unread.push({
      text: clause,
      reason: 'a change from … to … with no year it is due: not read',
    });
    return;
  }
  if (zeroTarget(clause, out) || classTarget(clause, out)) return;
  const found = amounts(clause);
  let from = 0;
  for (let i = 0; i < found.length; i++) {
    const group = [found[i]!];
    while (
      i + 1 < found.length &&
      /^[、和及与]$/.test(clause.slice(found[i]!.end, found[i + 1]!.start))
    ) {
      group.push(found[++i]!);
    }
    const before = clause.slice(from, group[0]!.start).replace(/^[、和及与]/, '');
    const next = found[i + 1]?.start ?? clause.length;
    const after = clause.slice(group.at(-1)!.end, next);
    const tailEnds = i + 1 >= found.length;
    from = group.at(-1)!.end;
    const first = group[0]!.start === 0 || cleanName(clause.slice(0, group[0]!.start)) === '';
    readGroup({ clause, before, after: tailEnds ? after : '', group, first }, ctx, out);
  }
}

interface Amount {
  start: number;
  end: number;
  text: string;
  value: number;
  range: boolean;
  unit: string;
  suffix: string;
  qualifier: string | null;
}

function amounts(clause: string): Amount[] {
  let masked = clause;
  for (const m of MASKS) masked = masked.replace(m, (s) => '□'.repeat(s.length));
  const list: Amount[] = [];
  let taken = 0;
  for (const m of masked.matchAll(AMOUNT)) {
    if (m.index < taken) continue;
    const [whole, low = '', high, unit = '', suffix = ''] = m;
    const value = /\d/.test(low) ? Number(low) : chineseNumber(low);
    if (value === null || (high !== undefined && toNumber(high) === null)) continue;
    const start = m.index;
    let end = start + whole.length;
    const q = COUNTED.has(unit) && suffix === '' ? QUALIFIER.exec(clause.slice(end)) : null;
    const qualifier = q ? q[0].replace(/\(.*\)$/, '') : null;
    if (q) end += q[0].length;
    taken = end;
    list.push({
      start,
      end,
      text: clause.slice(start, start + whole.length),
      value,
      range: high !== undefined,
      unit,
      suffix,
      qualifier,
    });
  }
  return list;
}

const toNumber = (s: string) => (/\d/.test(s) ? Number(s) : chineseNumber(s));

interface Group {
  clause: string;
  /** The words from the previous figure (or the clause's start) to this one. */
  before: string;
  /** Nothing but a time or a hedge stands before the group in its clause. */
  first: boolean;
  /** The words after the last figure when it is the clause's last; else empty. */
  after: string;
  group: Amount[];
}

function readGroup(g: Group, ctx: Context, out: TextTargets): void {
  const about = /约为?$/.exec(g.before);
  if (about && g.group.every((a) => a.suffix === '')) {
    g = { ...g, before: g.before.slice(0, about.index) };
    g.group = g.group.map((a) => ({ ...a, suffix: '左右' }));
  }
  const comparator = COMPARATOR.exec(g.before)?.[1] ?? '';
  const head = g.before.slice(0, g.before.length - comparator.length);
  const verb = VERB_TAIL.exec(head)?.[0] ?? '';
  const subject = head.slice(0, head.length - verb.length);
  const miss = (reason: string) =>
    g.group.forEach((a) => out.unread.push({ text: `${g.before}${a.text}`, reason }));
  const tail = g.after.replace(/^的/, '');
  if (tail !== '') return readObject(g, { subject, head, verb, comparator, tail }, ctx, out);
  if (/^(?:年均)?(?:增长|增速|增幅)$/.test(cleanName(head)) && ctx.last?.target.form === 'level')
    return addRate(g, ctx, out);
  const name = cleanName(subject);
  const bad = badName(name, g.group[0]!.unit);
  if (bad) return miss(bad);
  const names = splitNames(name, g);
  if (typeof names === 'string') return miss(names);
  const reading = readingOf(`${subject}${verb}`, g.group[0]!.unit, ctx);
  const growth = /(?:增长|增速|增幅)$/.test(name);
  emit(g, names, reading, ctx, out, comparator, growth);
}

interface Words {
  subject: string;
  head: string;
  verb: string;
  comparator: string;
  tail: string;
}

/**
 * A figure followed by what it counts: 新增10所冰雪运动示范校 (a total), 形成3个超20亿级的产业集群
 * (a count reached), 194个老旧小区全部改造到位 (all of them done: a total), 80%家庭医生团队能够…
 * (a share). Any other words after a figure leave it unread.
 */
function readObject(g: Group, w: Words, ctx: Context, out: TextTargets): void {
  const miss = (reason: string) =>
    g.group
      .filter((a) => /\d/.test(a.text))
      .forEach((a) => out.unread.push({ text: `${g.before}${a.text}${g.after}`, reason }));
  if (RUN_ON.test(w.tail)) return miss('what the figure counts runs into the next statement');
  if (hasFigure(w.subject) || hasFigure(w.tail)) return miss('another figure stands beside it');
  const object = OBJECT_VERB.exec(w.subject) ?? OBJECT_VERB_LIST.exec(w.subject);
  const verbOf = object?.[1] ?? (cleanName(w.head) === '' ? ctx.objectVerb : null);
  if (verbOf && w.comparator === '' && w.verb === '') {
    const reading = LEVEL_OBJECT_VERBS.test(verbOf) ? 'level' : 'total';
    const thing = w.tail.slice(w.tail.lastIndexOf('的') + 1).replace(/\([^)]*\)$/, '');
    const names = g.group.map((a) => `${a.qualifier ?? ''}${thing}`);
    ctx.objectVerb = verbOf;
    emit(
      g,
      names.map((n) => (reading === 'total' ? `${verbOf}${n}` : n)),
      reading,
      ctx,
      out,
    );
    return;
  }
  const all = /^(.+?)(?:全部|全面|均)(.+?)(?:到位|完成)?$/.exec(w.tail);
  if (all && w.comparator === '' && g.group.length === 1)
    return emit(g, [`${all[1]}${all[2]}`], 'total', ctx, out);
  const share = g.first && g.group.length === 1 && g.group[0]!.unit === '%';
  if (share && cleanName(w.head) === '' && !/^的/.test(g.after))
    return emit(g, [`${w.tail}的比例`], 'level', ctx, out);
  miss('the figure is followed by words that say what it counts, in a form not read');
}

const RATE_UNITS = new Set(['%', '‰', '百分点', '个百分点']);

/** 甲、乙分别达到 40%、28% pairs names and figures; 入学率、巩固率达到 99% gives each rate; else one name. */
function splitNames(name: string, g: Group): string[] | string {
  const parts = name.split(/[、]|(?<=[率比重])(?:和|及|与)/).filter((p) => p !== '');
  const n = g.group.length;
  if (n > 1 || /分别/.test(g.before)) {
    if (parts.length === n) return parts;
    return `${n} figures for ${parts.length} names`;
  }
  const each = parts.every((p) => RATE_NAME.test(p));
  if (parts.length > 1 && each) return parts;
  return [name];
}

const BARE_FIGURE = /(?<![A-Za-z\d.])\d+(?:\.\d+)?(?![A-Za-z\d.])/;
const hasFigure = (words: string) => BARE_FIGURE.test(words.replace(MASKS[1]!, ''));
const RATE_NAME = /(?:率|占比|比例|比重)$/;
const BARE_VERB =
  /^(?:实施|实行|落实|完成|开展|推进|形成|建设|建成|打造|实现|达到|新建|新增|引进)$/;

/** Why the words before a figure cannot be its name, or null when they can. */
function badName(name: string, unit: string): string | null {
  if (name === '') return 'no name before the figure';
  if (BARE_VERB.test(name)) return `"${name}" names no indicator`;
  if (/等$/.test(name)) return 'the figure counts things it lists but does not name';
  if (/^[()（）、,，]/.test(name)) return 'the name starts inside another phrase';
  if (hasFigure(name)) return 'another figure stands in the name';
  const rate = RATE_UNITS.has(unit);
  if (RATE_NAME.test(name) && !rate) return `a rate named with a figure in ${unit}`;
  if (/(?:增加|提高|减少|消减|压减)$/.test(name) && !rate)
    return 'a change by the figure, not a level to reach';
  return null;
}

function cleanName(subject: string): string {
  return subject
    .replace(LEAD, '')
    .replace(/^的/, '')
    .replace(/(?:总量|总数|总额)?(?:分别|力争|争取)+$/, (m) => m.replace(/分别|力争|争取/g, ''))
    .trim();
}

function readingOf(words: string, unit: string, ctx: Context): TextReading {
  const rate = RATE_UNITS.has(unit) || /率|占比|比例|比重/.test(words);
  if (!rate && TOTAL_VERBS.test(cleanName(words))) return 'total';
  if (HOLD.test(words)) return 'every_year';
  if (/确保/.test(words) && !ctx.end && !/(?:到|至)(?:19|20)\d\d年|五”?"?末/.test(words))
    return 'every_year';
  if (ctx.ensure && !ctx.end) return 'every_year';
  if (ctx.period && !ctx.end && rate) return 'every_year';
  if (ctx.period && !ctx.end && COUNT_UNITS.test(unit)) return 'total';
  if (!rate && ctx.last && !/[达为到超破]|实现|保持|控制/.test(words)) return ctx.last.reading;
  return 'level';
}

function emit(
  g: Group,
  names: string[],
  reading: TextReading,
  ctx: Context,
  out: TextTargets,
  comparator = '',
  growth = false,
): void {
  const pairs: [string, Amount][] =
    names.length === g.group.length
      ? g.group.map((a, i) => [names[i]!, a])
      : names.map((n) => [n, g.group[0]!]);
  for (const [name, a] of pairs) {
    const t = readFigure(name, a, reading, comparator, growth);
    if (typeof t === 'string') out.unread.push({ text: `${comparator}${a.text}`, reason: t });
    else {
      out.targets.push(t);
      ctx.last = t;
    }
  }
}

/** The figure in the digits the target parser reads: 十名 → 10名, 1至2所 → 1所以上 (at least the lower). */
function figureCell(a: Amount, comparator: string): string {
  if (a.range) return `${a.value}${a.unit}以上`;
  return `${comparator}${a.value}${a.unit}${a.suffix}`;
}

function readFigure(
  name: string,
  a: Amount,
  reading: TextReading,
  comparator: string,
  growth: boolean,
): TextTarget | string {
  const cell = figureCell(a, comparator);
  const parsed = parseTarget(
    {
      name: `${name}（${a.unit}）`,
      baseline: null,
      target: growth ? null : cell,
      rate: growth ? cell : null,
      attribute: null,
    },
    {
      defaultAttribute: 'expected',
      total: reading === 'total',
      everyYear: reading === 'every_year',
    },
  );
  if (!parsed.ok) return parsed.errors.map((e) => e.message).join('; ');
  const text = `${comparator}${a.text}`;
  return { name, unit: a.unit, text, reading, target: parsed.target, qualifier: a.qualifier };
}

/** 年均增长5% after "…达到47973元": the level's growth rate. */
function addRate(g: Group, ctx: Context, out: TextTargets): void {
  const last = ctx.last!;
  const a = g.group[0]!;
  const parsed = parseTarget(
    {
      name: `${last.name}（${last.unit}）`,
      baseline: null,
      target: `${last.target.value}${last.unit}`,
      rate: `${a.value}${a.unit}${a.suffix}`,
      attribute: null,
    },
    { defaultAttribute: 'expected' },
  );
  if (!parsed.ok || g.group.length > 1) {
    out.unread.push({ text: `${g.before}${a.text}`, reason: 'a growth rate that fits no level' });
    return;
  }
  const merged = {
    ...last,
    text: `${last.text}；${g.before}${a.text}`,
    target: { ...parsed.target, comparator: last.target.comparator ?? parsed.target.comparator },
  };
  out.targets[out.targets.indexOf(last)] = merged;
  ctx.last = merged;
}

const ZERO_HOLD = /^(.*?)(?:保持)?(?:动态|持续|始终)(?:保持)?(?:为零|清零|归零)$/;
const ZERO_END = /^(.*?)(?:全部|全面|彻底)(?:消除|清零|消灭)(.*)$/;

function zeroBase(): Target {
  return {
    form: 'bound',
    baseline: null,
    value: 0,
    rate: null,
    cumulative: null,
    sumOf: null,
    comparator: 'at_most',
    tolerance: null,
    direction: null,
    linkedTo: null,
    baselineYear: null,
  };
}

/**
 * 零就业家庭动态为零 holds at zero every year (a bound at most 0); 全部消除56人以上大班额 reaches
 * zero by the target year (a level at most 0, falling). The figures inside the name are not read.
 */
function zeroTarget(clause: string, out: TextTargets): boolean {
  const hold = ZERO_HOLD.exec(clause);
  const end = hold ? null : ZERO_END.exec(clause);
  if (!hold && !end) return false;
  const name = hold ? cleanName(hold[1]!) : `${cleanName(end![1]!)}${end![2]}`;
  if (name === '') {
    out.unread.push({ text: clause, reason: 'no name before the zero target' });
    return true;
  }
  const text = hold
    ? clause.slice(hold[1]!.length)
    : clause.slice(end![1]!.length).replace(end![2]!, '');
  const target: Target = hold
    ? zeroBase()
    : { ...zeroBase(), form: 'level', direction: 'decrease' };
  out.targets.push({
    name,
    unit: '',
    text,
    reading: hold ? 'every_year' : 'level',
    target,
    qualifier: null,
  });
  return true;
}

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, V: 5 };
const CLASS =
  /^(.*?)(达到或好于|达到或优于|好于|优于|高于|达到|达|为|保持)?(劣)?(I{1,3}|IV|V)类(?:水质|水体|标准)?(及以上|或以上|以上|及以下|以下)?$/;

/**
 * Water quality classes (NFKC folds Ⅳ to IV): class n, better the lower. 达到IV类 and III类及以上
 * are at most n (n or better), 高于V类 and 好于III类 below n; 劣V is 6. A bound in 类: the class
 * a year's water quality must stay within.
 */
function classTarget(clause: string, out: TextTargets): boolean {
  const m = CLASS.exec(clause);
  if (!m) return false;
  const [, subject = '', verb = '', worst, roman = '', suffix = ''] = m;
  const text = clause.slice(subject.length);
  const name = cleanName(subject).replace(/水质$/, '');
  if (name === '' || /以下/.test(suffix) || (verb === '' && suffix === '')) {
    const reason = name === '' ? 'no name before the class' : 'a class with no direction to hold';
    out.unread.push({ text, reason });
    return true;
  }
  const value = worst ? 6 : ROMAN[roman]!;
  const strict = /^(?:好于|优于|高于)$/.test(verb);
  for (const each of name.split('、').filter((p) => p !== '')) {
    out.targets.push({
      name: each,
      unit: '类',
      text,
      reading: 'level',
      target: { ...zeroBase(), value, comparator: strict ? 'below' : 'at_most' },
      qualifier: null,
    });
  }
  return true;
}
