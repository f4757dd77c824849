import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { NARRATIVE_SECTIONS, narrativeSectionWords, tidyPunctuation } from '@pm/core';
import type { EvaluationView } from '../views/evaluation';
import {
  attributeText,
  categoryHead,
  categoryRows,
  chineseDate,
  countRows,
  DEMO_NOTE,
  draftNote,
  isFinal,
  kindText,
  latestLines,
  num,
  overview,
  planName,
  reportTitle,
  reviewed,
  statusText,
  targetText,
  warningLead,
  warnings,
} from './format';
import { columnWidths, type CellText } from './widths';

/**
 * The round as a Word document laid out as an official document (GB/T 9704): A4, a centred
 * 小标宋 title, 黑体 headings 一、二、三, 仿宋 三号 body on a 22-line grid, page numbers "— 1 —"
 * in the footer, signed with the reviewer's unit, name and a Chinese date; the tables as 附表 on
 * landscape pages.
 */

/** Font names as Chinese Windows and WPS know them; Latin text in Times New Roman. */
export const FONTS = {
  title: '方正小标宋简体',
  heading: '黑体',
  body: '仿宋',
  kai: '楷体',
  page: '宋体',
} as const;
type FontRole = keyof typeof FONTS;

/** Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt. */
export const SIZES = { title: 44, body: 32, page: 28, table: 21 } as const;

const MM = 56.7; // twips per millimetre
const A4 = { width: 11906, height: 16838 };
/** GB/T 9704: 上白边 37 mm, 下白边 35 mm, 左白边 28 mm, 右白边 26 mm; a 156 × 225 mm text area. */
const MARGIN = { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM };
const round = (m: typeof MARGIN) =>
  Object.fromEntries(Object.entries(m).map(([k, x]) => [k, Math.round(x)])) as typeof MARGIN;
const PORTRAIT = round(MARGIN);
/** A landscape page keeps the same white edges, turned: the binding edge at the top. */
const LANDSCAPE = round({
  top: MARGIN.left,
  bottom: MARGIN.right,
  left: MARGIN.top,
  right: MARGIN.bottom,
});
/** Text width of a landscape page, in twips. */
export const LANDSCAPE_TEXT = A4.height - LANDSCAPE.left - LANDSCAPE.right;
/** 22 lines in 225 mm: a fixed line pitch of about 29 pt. */
const LINE = Math.round((225 * MM) / 22);
/** One character of the body (16 pt), in twips: the first-line indent is two. */
const CHAR = 320;

const font = (role: FontRole) => ({
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
  eastAsia: FONTS[role],
  hint: 'eastAsia' as const,
});

const run = (text: string, role: FontRole = 'body', size: number = SIZES.body) =>
  new TextRun({ text: tidyPunctuation(text), font: font(role), size });

const bodyLine = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

/** A body paragraph: 仿宋 三号, first line indented two characters. */
const para = (text: string, keepNext = false) =>
  new Paragraph({
    children: [run(text)],
    spacing: bodyLine,
    indent: { firstLine: 2 * CHAR },
    alignment: AlignmentType.JUSTIFIED,
    keepNext,
  });

/** A text of several lines (a reviewer's section) as one paragraph each. */
const paras = (text: string) =>
  text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .map((l) => para(l));

/** 一级标题: 黑体 三号, indented two characters like the body. */
const heading = (text: string) =>
  new Paragraph({
    children: [run(text, 'heading')],
    spacing: bodyLine,
    indent: { firstLine: 2 * CHAR },
    keepNext: true,
  });

const blank = () => new Paragraph({ children: [run('')], spacing: bodyLine });

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The page number of an odd page at the right, of an even page at the left, one character in. */
function pageFooter(side: 'odd' | 'even'): Footer {
  const pad = 1 * (SIZES.page * 10);
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: pad } : { left: pad },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: font('page'),
            size: SIZES.page,
          }),
        ],
      }),
    ],
  });
}

const footers = () => ({ default: pageFooter('odd'), even: pageFooter('even') });

/** A number, a share or a dash: centred in its cell. */
const isFigure = (text: CellText) =>
  typeof text === 'number' || (typeof text === 'string' && /^[-—\d.%]+$/u.test(text));

function cell(text: CellText, header: boolean, width: number): TableCell {
  const lines = Array.isArray(text) ? text : [String(text)];
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    children: [
      new Paragraph({
        alignment: header || isFigure(text) ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: lines.map(
          (line, k) =>
            new TextRun({
              text: tidyPunctuation(line),
              font: font(header ? 'heading' : 'body'),
              size: SIZES.table,
              ...(k > 0 ? { break: 1 } : {}),
            }),
        ),
      }),
    ],
  });
}

/**
 * A table across `width` twips: every column at least as wide as its longest number or code (so
 * none breaks inside), the rest shared by `weights` (the columns of names and reasons).
 */
function table(
  head: string[],
  rows: CellText[][],
  width: number,
  weights?: number[],
  fit = false,
): Table {
  const widths = columnWidths(head, rows, width, SIZES.table / 2, weights, fit);
  const row = (r: CellText[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: r.map((c, k) => cell(c, header, widths[k]!)),
    });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    rows: [row(head, true), ...rows.map((r) => row(r, false))],
  });
}

/** 附表 n, its title centred in 黑体, then the table. */
function annex(n: number, title: string, body: (Paragraph | Table)[]): (Paragraph | Table)[] {
  return [
    new Paragraph({
      children: [run(`附表 ${n}`, 'heading')],
      ...(n > 1 ? { pageBreakBefore: true } : {}),
    }),
    new Paragraph({
      children: [run(title, 'title', SIZES.body + 4)],
      alignment: AlignmentType.CENTER,
      spacing: { before: 120, after: 240 },
    }),
    ...body,
  ];
}

const tableNote = (text: string) =>
  new Paragraph({
    children: [run(text, 'body', SIZES.table)],
    spacing: { before: 120 },
  });

function indicatorTable(v: EvaluationView): Table {
  return table(
    ['序号', '指标', '属性', '规划目标', '最新值', '计算状态', '评估结论', '说明'],
    v.items.map((i) => [
      i.seq,
      `${i.name}${i.unit ? `（${i.unit}）` : ''}${i.demo ? '〔演示〕' : ''}`,
      attributeText(i.attribute),
      targetText(i) ?? '—',
      latestLines(i),
      statusText(v, i, i.computed.status),
      statusText(v, i, i.finalStatus),
      i.computed.reason.zh,
    ]),
    LANDSCAPE_TEXT,
    [0, 3, 0, 2, 0, 0, 0, 4],
  );
}

/** 年度数据: every indicator's approved figure of each year from B to E, and its target. */
function seriesTable(v: EvaluationView): Table {
  const years = v.items[0]?.series.map((s) => s.year) ?? [];
  const base = v.plan.baselineYear;
  return table(
    [
      '序号',
      '指标',
      '单位',
      ...years.map((y) => (y === base ? `${y} 年（基期）` : `${y} 年`)),
      '规划目标',
    ],
    v.items.map((i) => [
      i.seq,
      i.name,
      i.unit || '—',
      ...i.series.map((s) => num(s.value)),
      targetText(i) ?? '—',
    ]),
    LANDSCAPE_TEXT,
    [0, 4, 0, ...years.map(() => 0), 2],
  );
}

function warningTable(v: EvaluationView): (Paragraph | Table)[] {
  const list = warnings(v);
  if (list.length === 0) return [tableNote(`截至 ${v.round.year} 年，无约束性指标预警。`)];
  return [
    tableNote(warningLead(v, list.length)),
    table(
      ['序号', '指标', '评估结论', '原因', '最新值', '规划目标', '牵头单位'],
      list.map((i) => [
        i.seq,
        i.name,
        statusText(v, i, i.finalStatus),
        i.review?.decision === 'overridden' ? (i.review.reason ?? '') : i.computed.reason.zh,
        latestLines(i),
        targetText(i) ?? '—',
        i.leadDepartment ?? '未明确',
      ]),
      LANDSCAPE_TEXT,
      [0, 3, 0, 4, 0, 2, 2],
    ),
  ];
}

/** A reviewer's text as a sentence: one full stop, whether they typed it or not. */
const sentence = (text: string | null) => `${(text ?? '').replace(/[。.\s]+$/u, '')}。`;

function reviewLines(v: EvaluationView): string[] {
  const list = reviewed(v);
  const open =
    v.pending.length + v.stale.length > 0
      ? [`尚有 ${v.pending.length + v.stale.length} 项指标的计算状态待评估人员确认。`]
      : [];
  if (list.length === 0)
    return open.length > 0 ? open : ['评估人员确认了全部指标的计算状态，未作调整。'];
  return [
    ...open,
    ...list.map((i) => {
      const r = i.review!;
      const parts = [`${i.name}：`];
      if (r.decision === 'overridden') {
        parts.push(
          `计算状态为“${statusText(v, i, r.computedStatus)}”，评估调整为“${statusText(v, i, r.finalStatus)}”，理由：${sentence(r.reason)}`,
        );
      } else {
        parts.push(`确认计算状态“${statusText(v, i, r.finalStatus)}”。`);
      }
      if (r.comment) parts.push(`意见：${sentence(r.comment)}`);
      return parts.join('');
    }),
  ];
}

const METHOD_PROGRESS =
  '计算状态由系统按评估规则自动得出：水平值和累计值类指标比较完成进度与时序进度，年均增速类指标比较实际年均增速与目标区间，约束值类指标逐年检查是否达标。';
const METHOD_END =
  '计算状态由系统按评估规则自动得出：水平值和累计值类指标按规划目标年的完成进度评定，达到目标为完成，接近目标（在规定容差内）为基本完成，其余为未完成；年均增速类指标比较规划期实际年均增速与目标下限；约束值类指标检查规划目标年是否达标。尚无目标年数据的指标按进度评价，并注明数据截至年份。';
const METHOD_REVIEW = '评估结论为评估人员确认或调整后的状态，调整均附书面理由。';

/** 发文机关署名 and 成文日期: right-aligned, four characters in from the right edge. */
function signature(v: EvaluationView, date: Date | string): Paragraph[] {
  const line = (text: string, keepNext = true) =>
    new Paragraph({
      children: [run(text)],
      alignment: AlignmentType.RIGHT,
      indent: { right: 4 * CHAR },
      spacing: bodyLine,
      keepNext,
      keepLines: true,
    });
  const unit = v.signer.unit ?? v.district.name;
  const gap = () => new Paragraph({ children: [run('')], spacing: bodyLine, keepNext: true });
  return [
    gap(),
    gap(),
    line(unit),
    line(`评估人员：${v.signer.name}`),
    line(chineseDate(date), false),
  ];
}

function body(v: EvaluationView, date: Date | string): Paragraph[] {
  const draft = draftNote(v);
  const sections: [string, Paragraph[]][] = [
    [
      '总体情况',
      [
        ...paras(overview(v)),
        para(
          `各项指标的评估结果见附表 1、附表 2，${v.plan.baselineYear}—${v.round.year} 年的年度数据见附表 3，约束性指标情况见附表 4。`,
        ),
      ],
    ],
    ...NARRATIVE_SECTIONS.map(
      (s) => [narrativeSectionWords[s].zh, paras(v.narrative.sections[s])] as [string, Paragraph[]],
    ),
    [
      '有关说明',
      // The last paragraph goes with the signature: a signature never stands alone on a page.
      [
        (isFinal(v) ? METHOD_END : METHOD_PROGRESS) + METHOD_REVIEW,
        ...reviewLines(v),
        ...(v.demo ? [DEMO_NOTE] : []),
      ].map((text, k, all) => para(text, k === all.length - 1)),
    ],
  ];
  return [
    new Paragraph({
      children: [run(reportTitle(v), 'title', SIZES.title)],
      alignment: AlignmentType.CENTER,
      spacing: { line: Math.round(LINE * 1.2), lineRule: LineRuleType.EXACT },
    }),
    ...(draft
      ? [
          new Paragraph({
            children: [run('（征求意见稿）', 'kai')],
            alignment: AlignmentType.CENTER,
            spacing: bodyLine,
          }),
        ]
      : []),
    blank(),
    para(
      `按照规划实施评估工作安排，对${v.district.name}${planName(v)}主要指标至 ${v.round.year} 年的实施情况进行了${kindText(v.round.kind)}。现将有关情况报告如下。`,
    ),
    ...sections.flatMap(([title, children], k) => [
      heading(`${ORDINALS[k]}、${title}`),
      ...children,
    ]),
    ...signature(v, date),
  ];
}

/**
 * The round as a Word document in the structure of a 中期评估报告 or 总结评估报告. `now` dates a
 * round not yet finalized (a finalized one carries its finalizing date).
 */
export async function evaluationDocx(v: EvaluationView, now: Date = new Date()): Promise<Buffer> {
  const date = v.round.status === 'finalized' && v.round.finalizedAt ? v.round.finalizedAt : now;
  const doc = new Document({
    creator: 'Plan Monitor 规划实施监测',
    title: reportTitle(v),
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: font('body'), size: SIZES.body } } } },
    sections: [
      {
        properties: { page: { size: A4, margin: { ...PORTRAIT, footer: Math.round(28 * MM) } } },
        footers: footers(),
        children: body(v, date),
      },
      {
        properties: {
          page: {
            size: { ...A4, orientation: PageOrientation.LANDSCAPE },
            margin: { ...LANDSCAPE, footer: Math.round(12 * MM) },
          },
        },
        footers: footers(),
        children: [
          ...annex(1, '主要指标评估结果统计', [
            tableNote('按状态统计（计算结果与评估结论）'),
            table(['状态', '计算结果', '评估结论'], countRows(v), LANDSCAPE_TEXT, [], true),
            tableNote('按类别统计（评估结论）'),
            table(categoryHead(v), categoryRows(v), LANDSCAPE_TEXT, [], true),
          ]),
          ...annex(2, '主要指标评估情况', [indicatorTable(v)]),
          ...annex(3, `主要指标年度数据（${v.plan.baselineYear}—${v.round.year} 年）`, [
            seriesTable(v),
            tableNote(
              '注：表中为经审核的实际值；年均增速类指标为当年增速（%），累计类指标为当年数。“—”为尚无经审核的数据。',
            ),
          ]),
          ...annex(4, isFinal(v) ? '约束性指标完成情况' : '约束性指标预警', warningTable(v)),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
