import ExcelJS from 'exceljs';
import { neutraliseFormula, periodLabel } from '@pm/core';
import type { EvaluationView } from '../views/evaluation';
import {
  attributeText,
  categoryHead,
  categoryRows,
  countRows,
  chineseDate,
  DEMO_NOTE,
  draftNote,
  kindText,
  overview,
  reportTitle,
  statusText,
  targetText,
  warnings,
} from './format';

type Cell = string | number | null;

function sheet(
  book: ExcelJS.Workbook,
  name: string,
  head: string[],
  rows: Cell[][],
  widths: number[],
) {
  const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(head).font = { bold: true };
  for (const r of rows) ws.addRow(r.map(neutraliseFormula));
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return ws;
}

/** The round as a workbook: summary, every indicator, binding warnings and the reviews. */
export async function evaluationXlsx(v: EvaluationView): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Plan Monitor 规划实施监测';
  book.title = reportTitle(v);
  const summary = book.addWorksheet('汇总 Summary');
  const lines: Cell[][] = [
    [reportTitle(v)],
    ['区县', `${v.district.name}（${v.district.code}）`],
    ['评估类型', kindText(v.round.kind)],
    ['评估年度', v.round.year],
    ['规划', v.plan.title],
    ['规划期', periodLabel(v.plan)],
    ['状态', v.round.status === 'finalized' ? '已定稿' : '评估中'],
    [
      '定稿',
      v.round.finalizedAt
        ? `${[v.signer.unit, v.signer.name].filter(Boolean).join(' ')} ${chineseDate(v.round.finalizedAt)}`
        : '—',
    ],
    ['总体情况', overview(v)],
    ...[draftNote(v), v.demo ? DEMO_NOTE : null].filter((n) => n !== null).map((n) => ['注', n]),
    [],
    ['状态', '计算结果', '评估结论'],
    ...countRows(v),
    [],
    categoryHead(v),
    ...categoryRows(v),
  ];
  for (const l of lines) summary.addRow(l.map(neutraliseFormula));
  summary.getColumn(1).width = 14;
  summary.getColumn(2).width = 60;
  summary.getRow(1).font = { bold: true, size: 14 };

  sheet(
    book,
    '指标 Indicators',
    [
      '序号',
      '类别',
      '指标',
      '单位',
      '属性',
      '规划目标',
      '最新年份',
      '最新值',
      '计算状态',
      '评估结论',
      '说明',
      '调整理由',
      '意见',
      '评估人',
      '演示数据',
    ],
    v.items.map((i) => [
      i.seq,
      i.category,
      i.name,
      i.unit,
      attributeText(i.attribute),
      targetText(i),
      i.computed.latestYear,
      i.computed.latestValue,
      statusText(v, i, i.computed.status),
      statusText(v, i, i.finalStatus),
      i.computed.reason.zh,
      i.review?.decision === 'overridden' ? i.review.reason : null,
      i.review?.comment ?? null,
      i.review?.reviewedBy ?? null,
      i.demo ? '是' : null,
    ]),
    [6, 10, 32, 10, 8, 16, 9, 10, 10, 10, 40, 30, 30, 10, 8],
  );
  sheet(
    book,
    '预警 Warnings',
    ['序号', '指标', '评估结论', '原因', '最新年份', '最新值', '规划目标', '牵头单位'],
    warnings(v).map((i) => [
      i.seq,
      i.name,
      statusText(v, i, i.finalStatus),
      i.review?.decision === 'overridden' ? i.review.reason : i.computed.reason.zh,
      i.computed.latestYear,
      i.computed.latestValue,
      targetText(i),
      i.leadDepartment,
    ]),
    [6, 32, 10, 40, 9, 10, 16, 20],
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}
