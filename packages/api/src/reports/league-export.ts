import ExcelJS from 'exceljs';
import { neutraliseFormula, STATUSES, statusWords, writeCsv, type Status } from '@pm/core';
import type { LeagueRow, Reporting } from '../views/league';

type Cell = string | number | null;

const REPORTING_TEXT: Record<Reporting, string> = {
  reported: '已报送',
  unreported: '未报送',
  noPlan: '无规划',
};

const percent = (x: number | null | undefined) =>
  x === null || x === undefined ? null : Math.round(x * 1000) / 10;

/** The status columns of these rows: the words of their phases (提前实现 midway, 完成 at the end). */
function statusHeads(rows: readonly LeagueRow[]): string[] {
  const phases = new Set(rows.filter((r) => r.byStatus).flatMap((r) => r.phases));
  return STATUSES.map((s: Status) => {
    const words = [
      ...new Set(
        (phases.size === 0 ? ['progress' as const] : [...phases]).map(
          (phase) => statusWords(s, { phase }).zh,
        ),
      ),
    ];
    return words.join('/');
  });
}

/** The league's rows as the page's columns, a head line first. */
export function leagueLines(rows: readonly LeagueRow[]): Cell[][] {
  const head = [
    '区县代码',
    '区县',
    '省份',
    '城市',
    '报送情况',
    '数据截至',
    '已报送指标',
    '应报送指标',
    '数据完整度（%）',
    '符合进度比例（%）',
    ...statusHeads(rows),
    '约束性指标预警',
  ];
  return [
    head,
    ...rows.map((r) => [
      r.code,
      r.name,
      r.province,
      r.city,
      REPORTING_TEXT[r.reporting],
      r.dataYear,
      r.completeness?.reported ?? null,
      r.completeness?.total ?? null,
      percent(r.completeness?.share),
      percent(r.shareOnTrack),
      ...STATUSES.map((s) => (r.byStatus ? (r.byStatus[s] ?? 0) : null)),
      r.reporting === 'noPlan' ? null : r.bindingWarnings,
    ]),
  ];
}

/** CSV in UTF-8 with a byte-order mark, so that Excel reads the Chinese. */
export const leagueCsv = (rows: readonly LeagueRow[]) =>
  Buffer.from(`\uFEFF${writeCsv(leagueLines(rows))}`, 'utf8');

export async function leagueXlsx(rows: readonly LeagueRow[], title: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Plan Monitor 规划实施监测';
  book.title = title;
  const ws = book.addWorksheet('区县对比 League', { views: [{ state: 'frozen', ySplit: 1 }] });
  const [head, ...body] = leagueLines(rows);
  ws.addRow(head!.map(neutraliseFormula)).font = { bold: true };
  for (const line of body) ws.addRow(line.map(neutraliseFormula));
  ws.getColumn(2).width = 16;
  ws.getColumn(3).width = 12;
  ws.getColumn(4).width = 14;
  return Buffer.from(await book.xlsx.writeBuffer());
}
