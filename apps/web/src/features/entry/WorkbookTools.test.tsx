import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider, type Locale } from '../../i18n';
import { UploadResult } from './WorkbookTools';

afterEach(cleanup);

const patents = { seq: 5, name: '每万人口拥有高价值发明专利数' };
const platforms = { seq: 4, name: '市级以上创新平台' };

type Result = Parameters<typeof UploadResult>[0]['result'];

const refused: Result = {
  changed: 0,
  problems: [
    {
      cell: "'填报 Entry'!I7",
      key: 'values.badNumber',
      params: { text: '二十' },
      message: '"二十" is not a number',
      row: 7,
      indicator: patents,
    },
    {
      cell: "'填报 Entry'!I6",
      key: 'values.notWhole',
      params: { ...platforms, unit: '个', text: '12.5' },
      message: 'indicator 4 市级以上创新平台 is counted in "个": give a whole number, not 12.5',
      row: 6,
      indicator: platforms,
    },
    {
      cell: "'填报 Entry'!G1",
      key: 'values.sheet.columnChanged',
      params: { header: '规划目标 target' },
      message: 'this column must be "规划目标 target"',
      row: 1,
    },
  ],
  warnings: [
    {
      cell: "'填报 Entry'!G6",
      key: 'values.sheet.targetEdited',
      params: {
        column: '规划目标 target',
        found: '2025 年达到 90 个',
        expected: '2025 年达到 70 个',
      },
      message: 'The 规划目标 target cell is read-only',
      row: 6,
      indicator: platforms,
    },
  ],
};

const show = (result: Result, locale: Locale = 'zh-CN') =>
  render(
    <I18nProvider locale={locale}>
      <UploadResult result={result} />
    </I18nProvider>,
  );

describe('UploadResult', () => {
  it('names the row and indicator beside the cell of each problem', () => {
    show(refused);
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('模板中有 3 处问题，未导入任何数值：')).toBeTruthy();
    const items = within(alert)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      '第 7 行（序号 5 每万人口拥有高价值发明专利数）I7：“二十”不是数字。',
      '第 6 行（序号 4 市级以上创新平台）I6：序号 4 市级以上创新平台 的单位是“个”，应填整数，收到 12.5。',
      '第 1 行 G1：此列应为“规划目标 target”，请勿改动模板的列。',
    ]);
  });

  it('lists the edited cells of the plan as not taken, also when the figures were imported', () => {
    show({ changed: 2, problems: [], warnings: refused.warnings });
    expect(screen.getByText('已导入 2 项数值（草稿）。')).toBeTruthy();
    const warning = screen.getByText(/只读单元格被改动/).closest('div')!;
    expect(within(warning).getByRole('listitem').textContent).toBe(
      '第 6 行（序号 4 市级以上创新平台）G6：“规划目标 target”是只读单元格：表中为“2025 年达到 90 个”，规划为“2025 年达到 70 个”，此改动未被采用。规划目标只能由管理员通过“目标调整”修改。',
    );
  });

  it('keeps the sheet’s name on a cell of the About sheet, where no row is named', () => {
    show({
      changed: 0,
      problems: [
        {
          cell: "'说明 About'!B3",
          key: 'values.sheet.otherDistrict',
          params: { found: '130104', expected: '130108' },
          message: 'the district code is "130104", expected 130108',
        },
      ],
      warnings: [],
    });
    expect(screen.getByRole('listitem').textContent).toBe(
      "'说明 About'!B3：区县代码为“130104”，应为 130108：这不是本区县的模板，请到对应区县上传，或重新下载本区县的模板。",
    );
  });

  it('in English too', () => {
    show(refused, 'en');
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items[0]).toBe(
      'Row 7 (indicator 5 每万人口拥有高价值发明专利数) I7: “二十” is not a number.',
    );
    expect(items[1]).toBe(
      'Row 6 (indicator 4 市级以上创新平台) I6: Indicator 4 市级以上创新平台 is counted in “个”: enter a whole number, not 12.5.',
    );
    expect(items[3]).toContain(
      'Row 6 (indicator 4 市级以上创新平台) G6: “规划目标 target” is read-only',
    );
  });
});
