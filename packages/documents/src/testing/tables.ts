import { readDocumentTable, type District, type PlanDocument } from '@pm/core';
import type { Body, Laid } from './make-files';

export const district: District = {
  code: '130108',
  name: '裕华区',
  city: '石家庄市',
  province: '河北省',
};

/**
 * A county 专栏 as Word and web pages print it, with merges a text copy cannot show: the 序号,
 * 领域 and 指标 cells merged down over 小学 / 初中 sub-rows, a name merged across two columns, a
 * grouped two-row header (“十五五”目标 over 2030年 and 年均[累计]), a category row across the table.
 */
export const countyTable: Laid = {
  caption: '专栏2 “十五五”社会事业发展主要指标',
  rows: [
    [
      { text: '序号', rowSpan: 2 },
      { text: '领域', rowSpan: 2 },
      { text: '指标', colSpan: 2, rowSpan: 2 },
      { text: '单位', rowSpan: 2 },
      { text: '2025年', rowSpan: 2 },
      { text: '“十五五”目标', colSpan: 2 },
      { text: '属性', rowSpan: 2 },
    ],
    ['2030年', '年均[累计]'],
    [{ text: '一、民生福祉', colSpan: 9 }],
    [
      { text: '1', rowSpan: 2 },
      { text: '教育', rowSpan: 3 },
      { text: '义务教育巩固率', rowSpan: 2 },
      '小学',
      '%',
      '99',
      '99.5',
      '—',
      '约束性',
    ],
    ['初中', '%', '97', '98', '—', '约束性'],
    ['2', { text: '新增学位', colSpan: 2 }, '个', '—', '—', '[3000]', '预期性'],
    [
      '3',
      '卫生',
      { text: '每千人口执业\n（助理）医师数', colSpan: 2 },
      '人',
      '3.1',
      '3.6',
      '—',
      '预期性',
    ],
  ],
};

export const countyBody: Body = [
  '某县国民经济和社会发展第十五个五年规划纲要',
  '第三章 社会事业',
  countyTable,
  '注：[ ]内为五年累计数。',
  '第四章 保障措施',
];

/**
 * What the core reader must read from it, [seq, category, name, unit, attribute, form]: a
 * sub-row takes the next free number after the printed ones.
 */
export const countyIndicators = [
  [1, '教育', '义务教育巩固率（小学）', '%', 'binding', 'level'],
  [4, '教育', '义务教育巩固率（初中）', '%', 'binding', 'level'],
  [2, '教育', '新增学位', '个', 'expected', 'cumulative'],
  [3, '卫生', '每千人口执业（助理）医师数', '人', 'expected', 'level'],
];

/** The indicators the core reader reads from a document, as `countyIndicators` lists them. */
export function brief(doc: PlanDocument) {
  return readDocumentTable(doc, { district, document: doc.name }).file?.indicators.map((i) => [
    i.seq,
    i.category,
    i.name,
    i.unit,
    i.attribute,
    i.target.form,
  ]);
}
