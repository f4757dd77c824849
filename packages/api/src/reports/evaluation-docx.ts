import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { EvaluationView } from '../views/evaluation';
import {
  attributeText,
  categoryHead,
  categoryRows,
  countRows,
  dateText,
  DEMO_NOTE,
  draftNote,
  isFinal,
  latestLines,
  overview,
  roundLine,
  reportTitle,
  reviewed,
  statusText,
  targetText,
  warningLead,
  warnings,
} from './format';

const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };
const TABLE_SIZE = 18; // half-points: 9 pt
/** A4 less Word's default margins of 1 inch, in twentieths of a point. */
const TEXT_WIDTH = 11906 - 2 * 1440;
// Column widths in points of the 451 the text has: a header of four characters needs 48.
const INDICATOR_COLUMNS = [30, 84, 40, 56, 60, 50, 50, 81];
const WARNING_COLUMNS = [30, 84, 50, 104, 60, 56, 67];

const para = (text: string) =>
  new Paragraph({ children: [new TextRun(text)], spacing: { after: 120 } });
const heading = (text: string) =>
  new Paragraph({ text, heading: HeadingLevel.HEADING_1, spacing: { before: 240, after: 120 } });

/** A cell's text; several lines (a figure and its year) break where they part. */
type CellText = string | number | string[];

function cell(text: CellText, header: boolean, width: number | undefined): TableCell {
  const lines = Array.isArray(text) ? text : [String(text)];
  return new TableCell({
    ...(width === undefined ? {} : { width: { size: width, type: WidthType.DXA } }),
    children: [
      new Paragraph({
        children: lines.map(
          (line, k) =>
            new TextRun({
              text: line,
              bold: header,
              size: TABLE_SIZE,
              ...(k > 0 ? { break: 1 } : {}),
            }),
        ),
      }),
    ],
  });
}

/**
 * A table across the text width; `shares` (relative column widths) fix the columns, so that
 * figures and names get room instead of breaking inside a number.
 */
function table(head: string[], rows: CellText[][], shares?: number[]): Table {
  const total = shares?.reduce((a, b) => a + b, 0) ?? 1;
  const widths = shares?.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  const row = (r: CellText[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: r.map((c, k) => cell(c, header, widths?.[k])),
    });
  return new Table({
    ...(widths
      ? {
          width: { size: TEXT_WIDTH, type: WidthType.DXA },
          columnWidths: widths,
          layout: TableLayoutType.FIXED,
        }
      : { width: { size: 100, type: WidthType.PERCENTAGE } }),
    rows: [row(head, true), ...rows.map((r) => row(r, false))],
  });
}

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
    INDICATOR_COLUMNS,
  );
}

function warningSection(v: EvaluationView): (Paragraph | Table)[] {
  const list = warnings(v);
  if (list.length === 0) return [para(`截至 ${v.round.year} 年，无约束性指标预警。`)];
  return [
    para(warningLead(v, list.length)),
    table(
      ['序号', '指标', '评估结论', '原因', '最新值', '规划目标', '牵头单位'],
      list.map((i) => [
        i.seq,
        i.name,
        statusText(v, i, i.finalStatus),
        i.review?.decision === 'overridden' ? (i.review.reason ?? '') : i.computed.reason.zh,
        latestLines(i),
        targetText(i) ?? '—',
        i.leadDepartment ?? '—',
      ]),
      WARNING_COLUMNS,
    ),
  ];
}

/** A reviewer's text as a sentence: one full stop, whether they typed it or not. */
const sentence = (text: string | null) => `${(text ?? '').replace(/[。.]\s*$/u, '')}。`;

function reviewSection(v: EvaluationView): Paragraph[] {
  const list = reviewed(v);
  if (list.length === 0) return [para('评估人员确认了全部指标的计算状态，未作调整，未提出意见。')];
  return list.map((i) => {
    const r = i.review!;
    const parts = [`${i.seq}. ${i.name}：`];
    if (r.decision === 'overridden') {
      parts.push(
        `计算状态为“${statusText(v, i, r.computedStatus)}”，评估调整为“${statusText(v, i, r.finalStatus)}”。理由：${sentence(r.reason)}`,
      );
    } else {
      parts.push(`确认计算状态“${statusText(v, i, r.finalStatus)}”。`);
    }
    if (r.comment) parts.push(`意见：${r.comment}`);
    parts.push(`（${r.reviewedBy}，${dateText(r.reviewedAt)}）`);
    return para(parts.join(''));
  });
}

const METHOD_PROGRESS =
  '计算状态由系统按评估规则自动得出：水平值和累计值类指标比较完成进度与时序进度，年均增速类指标比较实际年均增速与目标区间，约束值类指标逐年检查是否达标。';
const METHOD_END =
  '计算状态由系统按评估规则自动得出：水平值和累计值类指标按规划目标年的完成进度评定，达到目标为完成，接近目标（在规定容差内）为基本完成，其余为未完成；年均增速类指标比较规划期实际年均增速与目标下限；约束值类指标检查规划目标年是否达标。尚无目标年数据的指标按进度评价，并注明数据截至年份。';
const METHOD_REVIEW = '评估结论为评估人员确认或调整后的状态，调整均附书面理由。';

/** The round as a Word document in the usual structure of a 中期评估报告 or 总结评估报告. */
export async function evaluationDocx(v: EvaluationView): Promise<Buffer> {
  const draft = draftNote(v);
  const finalized =
    v.round.status === 'finalized'
      ? `定稿：${v.round.finalizedBy ?? '—'}，${dateText(v.round.finalizedAt)}`
      : `评估开启：${v.round.openedBy}，${dateText(v.round.openedAt)}`;
  const doc = new Document({
    creator: 'Plan Monitor 规划实施监测',
    title: reportTitle(v),
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 } } },
        children: [
          new Paragraph({
            text: reportTitle(v),
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
          }),
          ...[roundLine(v), `规划：${v.plan.title}`, finalized].map(
            (line) =>
              new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(line)] }),
          ),
          ...(draft ? [para(draft)] : []),
          ...(v.demo ? [para(DEMO_NOTE)] : []),
          heading('一、总体情况'),
          para(overview(v)),
          heading('二、主要指标评估汇总'),
          para('按状态统计（计算结果与评估结论）：'),
          table(['状态', '计算结果', '评估结论'], countRows(v)),
          para('按类别统计（评估结论）：'),
          table(categoryHead(v), categoryRows(v)),
          heading('三、主要指标完成情况'),
          indicatorTable(v),
          heading(isFinal(v) ? '四、约束性指标完成情况' : '四、约束性指标预警'),
          ...warningSection(v),
          heading('五、评估意见'),
          ...reviewSection(v),
          heading('六、说明'),
          para((isFinal(v) ? METHOD_END : METHOD_PROGRESS) + METHOD_REVIEW),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
