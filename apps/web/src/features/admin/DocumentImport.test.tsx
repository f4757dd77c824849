import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PLAN_FORMAT, readerMessages } from '@pm/core';
import { refusal, renderAt, serveProcedures } from '../../lib/testing';
import { DocumentImport } from './DocumentImport';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

// A synthetic district and plan: the server's answers as plans.readDocument gives them.
const district = { code: '999001', name: '测试区', city: '测试市', province: '测试省' };
const at = (row: number) => ({ zh: `表 1 第 ${row} 行`, en: `table 1, row ${row}` });
const target = (value: number) => ({
  form: 'level',
  baseline: 60,
  value,
  rate: null,
  cumulative: null,
  sumOf: null,
  comparator: null,
  tolerance: null,
  direction: 'increase',
  linkedTo: null,
  baselineYear: 2025,
});
const indicator = (seq: number, name: string, value: number) => ({
  seq,
  category: '',
  name,
  unit: '%',
  attribute: 'expected',
  leadDepartment: null,
  raw: { baseline: '60', target: String(value), rate: null, attribute: '预期性' },
  target: target(value),
  revisions: [],
  source: { document: '规划.docx', line: null, kind: 'table', quote: null },
});
const cells = (seq: number, name: string, targetText: string) => ({
  seq,
  category: '',
  name,
  unit: '%',
  raw: { baseline: '60', target: targetText, rate: null, attribute: '预期性' },
  source: { line: null, quote: `${seq}\t${name}\t%\t60\t${targetText}\t预期性` },
});
const header = {
  title: '测试区十五五规划',
  baselineYear: 2025,
  midtermYear: 2028,
  targetYear: 2030,
};
const draft = {
  format: 'docx',
  document: '规划.docx',
  caption: { text: '表1 测试区主要指标', place: { table: 1 }, at: { zh: '表 1', en: 'table 1' } },
  plan: header,
  rows: [
    {
      cells: cells(1, '常住人口城镇化率', '65'),
      label: '1',
      place: { table: 1, row: 2 },
      at: at(2),
      quote: '1\t常住人口城镇化率\t%\t60\t65\t预期性',
      indicator: indicator(1, '常住人口城镇化率', 65),
      problems: [],
      assignedBy: null,
    },
    {
      cells: cells(2, '某指标', '好得很'),
      label: '2',
      place: { table: 1, row: 3 },
      at: at(3),
      quote: '2\t某指标\t%\t60\t好得很\t预期性',
      indicator: null,
      problems: [
        {
          place: { table: 1, row: 3 },
          at: at(3),
          text: '好得很',
          message: 'row 2, target: no number, no dash and no known phrase',
          says: readerMessages('row 2, target: no number, no dash and no known phrase'),
        },
      ],
      assignedBy: null,
    },
  ],
  problems: [
    {
      place: { table: 1, row: 5 },
      at: at(5),
      text: '42',
      message: 'figures in a row without a name',
      says: readerMessages('figures in a row without a name'),
    },
  ],
  notes: [],
  footnotes: [{ place: { line: 4 }, at: { zh: '第 4 行', en: 'line 4' }, text: '注：示例。' }],
  file: null,
};

/** plans.readDraft as the server reads it: a target without a figure is a problem. */
function readDraft(input: unknown) {
  const { rows } = input as { rows: ReturnType<typeof cells>[] };
  const read = rows.map((r) => {
    const value = Number(r.raw.target);
    return Number.isFinite(value)
      ? { seq: r.seq, indicator: indicator(r.seq, r.name, value), problems: [] }
      : { seq: r.seq, indicator: null, problems: [{ ...draft.rows[1]!.problems[0]!, at: at(0) }] };
  });
  const ok = read.every((r) => r.indicator);
  return {
    rows: read,
    problems: [],
    file: ok
      ? { format: PLAN_FORMAT, district, plan: header, indicators: read.map((r) => r.indicator) }
      : null,
  };
}

const list = [{ ...district, planTitle: null, indicatorCount: 0, periods: [] }];
const render = (locale: 'zh-CN' | 'en' = 'zh-CN') => {
  const imported = vi.fn();
  renderAt(
    [{ path: '/admin/plans', element: <DocumentImport onImported={imported} /> }],
    '/admin/plans',
    locale,
  );
  return imported;
};
const upload = async (name: string, text = '表1') => {
  const input = (await screen.findByLabelText(/^(规划文本|Plan document)$/)) as HTMLInputElement;
  await waitFor(() => expect(input.disabled).toBe(false));
  fireEvent.change(input, { target: { files: [new File([text], name)] } });
};

describe('DocumentImport', () => {
  it('shows the draft beside the source, re-reads the edited rows on the server, then imports', async () => {
    const calls = serveProcedures({
      'districts.list': list,
      'plans.readDocument': draft,
      'plans.readDraft': readDraft,
      'plans.import': { district: '999001', created: true, added: 2, updated: 0, removed: 0 },
    });
    const imported = render();
    await upload('规划.docx');
    expect(
      await screen.findByText('已从 规划.docx（docx）读取 2 行，其中 1 行读通、1 行需要处理。'),
    ).toBeTruthy();
    const bad = screen.getByText('序号 2 的目标：没有数字、横线或可识别的表述').closest('tr')!;
    expect(bad.className).toBe('problem');
    expect(within(bad).getByText('表 1 第 3 行')).toBeTruthy();
    expect(within(bad).getByText(/2\s+某指标\s+%\s+60\s+好得很/)).toBeTruthy();
    expect(screen.getByText(/该行有数字但没有指标名称/)).toBeTruthy();
    const importButton = screen.getByRole('button', { name: '导入' }) as HTMLButtonElement;
    expect(importButton.disabled).toBe(true);
    const upload64 = calls.find((c) => c.procedure === 'plans.readDocument')?.input as {
      base64: string;
      district: unknown;
    };
    const sentBytes = Uint8Array.from(atob(upload64.base64), (c) => c.charCodeAt(0));
    expect(new TextDecoder().decode(sentBytes)).toBe('表1');
    expect(upload64.district).toEqual(district);

    fireEvent.change(screen.getByLabelText('序号 2 的目标'), { target: { value: '30' } });
    expect(within(bad).getByText('已修改，待重新检查')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '重新检查' }));
    expect(await screen.findByText('检查完成：2 行读通，0 行仍需处理。')).toBeTruthy();
    const sent = calls.find((c) => c.procedure === 'plans.readDraft')?.input as {
      rows: { raw: { target: string } }[];
      plan: unknown;
    };
    expect(sent.rows.map((r) => r.raw.target)).toEqual(['65', '30']);
    expect(sent.plan).toMatchObject(header);

    await waitFor(() => expect(importButton.disabled).toBe(false));
    fireEvent.click(importButton);
    await waitFor(() =>
      expect(imported).toHaveBeenCalledWith({ district: '999001', period: '2026-2030' }),
    );
    const file = calls.find((c) => c.procedure === 'plans.import')?.input as {
      indicators: { target: { value: number } }[];
    };
    expect(file.indicators.map((i) => i.target.value)).toEqual([65, 30]);
  });

  it('a cell changed while the server checks: that answer is not applied, import stays closed', async () => {
    const calls = serveProcedures({
      'districts.list': list,
      'plans.readDocument': draft,
      'plans.readDraft': readDraft,
    });
    render();
    await upload('规划.docx');
    const cell = await screen.findByLabelText('序号 2 的目标');
    fireEvent.change(cell, { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: '重新检查' }));
    fireEvent.change(cell, { target: { value: '好得很' } });
    await waitFor(() => expect(calls.some((c) => c.procedure === 'plans.readDraft')).toBe(true));
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByText(/检查完成/)).toBeNull();
    expect((screen.getByRole('button', { name: '导入' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('已修改，待重新检查')).toBeTruthy();
  });

  it('a file that is no plan document is told what it is, and nothing is imported', async () => {
    const calls = serveProcedures({
      'districts.list': list,
      'plans.readDocument': refusal('plans.document.notADocument', {
        name: 'a.xlsx',
        kind: 'excel',
      }),
    });
    render();
    await upload('a.xlsx');
    expect((await screen.findByRole('alert')).textContent).toContain(
      'a.xlsx 是Excel 工作簿，不是规划文档',
    );
    expect(calls.some((c) => c.procedure === 'plans.import')).toBe(false);
    expect(screen.queryByRole('button', { name: '导入' })).toBeNull();
  });

  it('a new district needs its code and names before a file is read; the texts in English', async () => {
    serveProcedures({ 'districts.list': [], 'plans.readDocument': draft });
    render('en');
    const input = (await screen.findByLabelText('Plan document')) as HTMLInputElement;
    expect(input.disabled).toBe(true);
    expect(screen.getByText(/Fill in the district's division code/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Division code'), { target: { value: '999001' } });
    fireEvent.change(screen.getByLabelText('District name'), { target: { value: '测试区' } });
    fireEvent.change(screen.getByLabelText('City'), { target: { value: '测试市' } });
    fireEvent.change(screen.getByLabelText('Province'), { target: { value: '测试省' } });
    await upload('规划.docx');
    expect(
      await screen.findByText('Read 2 rows from 规划.docx (docx): 1 read, 1 to fix.'),
    ).toBeTruthy();
    expect(screen.getByText('table 1, row 3')).toBeTruthy();
    expect(screen.getByText('row 2, target: no number, no dash and no known phrase')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Check again' })).toBeTruthy();
  });
});
