/**
 * The table reader's messages in the reader's language. The reader writes each problem in English
 * (for logs, tests and the CLI); a person reading the draft in Chinese gets the same sentence from
 * this table. Every template the reader writes has a line here; `readerMessage` leaves a message it
 * does not know as it is (English), never drops it.
 */

const CELLS: Record<string, string> = {
  seq: '序号',
  category: '类别',
  name: '指标',
  unit: '单位',
  baseline: '基数',
  target: '目标',
  rate: '年均增长',
  attribute: '属性',
};
const ROLES: Record<string, string> = { baseline: '基期', midterm: '中期', target: '目标' };

const SOURCES: Record<string, string> = { 'the caption': '表题', 'the document title': '文件标题' };

const cellZh = (c: string) => CELLS[c] ?? c;
const cellsZh = (list: string) =>
  list
    .split(' and ')
    .map((c) => cellZh(c.trim()))
    .join('、');

type Rule = [RegExp, (m: RegExpExecArray) => string];

/** English template → 简体中文, most specific first. */
const RULES: Rule[] = [
  [/^row (\S+), (\w+): (.*)$/s, (m) => `序号 ${m[1]} 的${cellZh(m[2]!)}：${zh(m[3]!)}`],
  [
    /^row (\S+): 序号 (\S+) is given twice \(first in draft row (\d+)\)$/,
    (m) => `序号 ${m[2]} 重复（草稿第 ${m[3]} 行已用）`,
  ],
  [
    /^row (\S+) names its sub-rows only: they are read as indicators, it is not$/,
    (m) => `序号 ${m[1]} 只列出下属分项：分项作为指标读取，该行本身不作为指标`,
  ],
  [
    /^figures under row (\S+)'s (\w+) with no name of their own: not joined$/,
    (m) => `序号 ${m[1]} 的${cellZh(m[2]!)}下方的数字没有对应的指标名称：未合并，请核对`,
  ],
  [
    /^one cell over the (.+) columns and the one before: listed, not guessed$/,
    (m) => `一个单元格跨${cellsZh(m[1]!)}列及其前一列：已列出，未作猜测`,
  ],
  [/^(\d+) cells where the header has (\d+)$/, (m) => `本行有 ${m[1]} 格，表头有 ${m[2]} 列`],
  [
    /^a cell outside any row \(not a row number after a full row\)$/,
    () => '单元格不属于任何一行（整行之后不是序号）',
  ],
  [/^a line before the first numbered row$/, () => '第一个编号行之前的文字'],
  [/^figures in a row without a name$/, () => '该行有数字但没有指标名称'],
  [
    /^no main-indicator table found: .*$/s,
    () =>
      '没有找到主要指标表：既没有“表/专栏……主要指标”表题，也没有可识别的表头（指标、目标或 2025年……）',
  ],
  [
    /^no (\w+) year in the header: (\d+) from the period (.+) names$/,
    (m) =>
      `表头中没有${ROLES[m[1]!] ?? m[1]}年：按${SOURCES[m[3]!] ?? `规划期 ${m[3]}`}所示规划期取 ${m[2]} 年`,
  ],
  [
    /^no (\w+) year in the header, the caption or the title: give the plan's period$/,
    (m) => `表头、表题和标题中都没有${ROLES[m[1]!] ?? m[1]}年：请填写规划期`,
  ],
  [
    /^no 属性 column: every indicator taken as 预期性 \(expected\); mark the binding ones$/,
    () => '没有“属性”列：全部指标暂按预期性读取，请标出约束性指标',
  ],
  [
    /^linked to economic growth, but the plan has no GDP indicator$/,
    () => '目标与经济增长同步，但规划中没有地区生产总值（GDP）指标',
  ],
  [/^the 单位 column says (.+), the name (.+)$/, (m) => `单位列为 ${m[1]}，指标名称中为 ${m[2]}`],
  [
    /^two figures in one cell: listed for review, not guessed$/,
    () => '一格中有两个数字：已列出待核对，未作猜测',
  ],
  [/^a second target beside "(.*)"$/s, (m) => `“${m[1]}”之外还有第二个目标`],
  [/^a rate beside a five-year total$/, () => '五年累计目标旁又有年均增长率'],
  [/^two five-year totals$/, () => '两个五年累计目标'],
  [/^a limit beside a growth path$/, () => '增长路径旁又有上限或下限'],
  [/^no target, no rate and no baseline$/, () => '没有目标、年均增长，也没有基数'],
  [
    /^the printed \[(.+?)\] is not the increase from (\S+) to (\S+) \((\S+)\): graded as a level target to (\S+), the cell kept as printed(?:; (\S+) × (\S+)\^5 ≈ (\S+): a yearly growth factor)?$/,
    (m) =>
      `原文 [${m[1]}] 不是从 ${m[2]} 到 ${m[3]} 的增量（${m[4]}），与两者矛盾：按达到 ${m[5]} 的水平目标评估，原文保留` +
      (m[6] ? `；${m[6]} × ${m[7]}⁵ ≈ ${m[8]}，[${m[1]}] 应为年均增长系数` : ''),
  ],
  [/^a baseline is a plain number$/, () => '基数应为一个数字'],
  [
    /^in (.+), not the indicator's (.*): kept in raw only$/,
    (m) => `单位为 ${m[1]}，不是指标的单位 ${m[2] || '（无）'}：只保留原文`,
  ],
  [
    /^unit (.+) is not the indicator's (.*)$/,
    (m) => `单位 ${m[1]} 与指标的单位 ${m[2] || '（无）'} 不一致`,
  ],
  [/^a growth rate in (.+)$/, (m) => `增长率的单位是 ${m[1]}`],
  [/^no number, no dash and no known phrase$/, () => '没有数字、横线或可识别的表述'],
  [
    /^unknown unit or words "(.*)" after the number$/s,
    (m) => `数字后面的“${m[1]}”不是可识别的单位或表述`,
  ],
  [/^"(.*)" and "(.*)" contradict each other$/s, (m) => `“${m[1]}”与“${m[2]}”相互矛盾`],
  [/^attribute cell is empty$/, () => '属性为空'],
  [/^attribute is neither 预期性 nor 约束性$/, () => '属性既不是预期性也不是约束性'],
  [
    /^the merged cell "(.*)" could not be placed on its rows exactly$/s,
    (m) => `合并单元格“${m[1]}”无法准确对应到所在各行`,
  ],
  [
    /^(\d+) byte sequence\(s\) are not (.+) text and show as �: check those cells$/,
    (m) => `有 ${m[1]} 处字节不是 ${m[2]} 文本，显示为 �：请核对这些单元格`,
  ],
];

function zh(message: string): string {
  for (const [pattern, write] of RULES) {
    const m = pattern.exec(message);
    if (m) return write(m);
  }
  return message;
}

/** One of the reader's messages in Chinese or English (as written). */
export function readerMessage(message: string, lang: 'zh' | 'en'): string {
  return lang === 'en' ? message : zh(message);
}

/** Both languages at once, as the API hands them to the browser. */
export function readerMessages(message: string): { zh: string; en: string } {
  return { zh: zh(message), en: message };
}
