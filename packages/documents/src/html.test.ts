import { readDocumentTable, type SourceCell } from '@pm/core';
import { describe, expect, it } from 'vitest';
import { readDocx } from './docx';
import { readHtml } from './html';
import { toDocx, toHtml } from './testing/make-files';
import { brief, countyBody, countyIndicators, district } from './testing/tables';

const shown = (c: SourceCell) => `${c.mergedFrom ? `^${c.mergedFrom[0]}:` : ''}${c.text}`;

describe('a saved web page with the merged table', async () => {
  const page = readHtml(toHtml(countyBody), 'county.html');
  const word = readDocx(await toDocx(countyBody), 'county.docx');

  it('lays rowspan and colspan out on the grid a Word file gives', () => {
    expect(page.tables.map((t) => t.rows)).toEqual(word.tables.map((t) => t.rows));
    expect(page.tables[0]?.caption?.text).toBe('专栏2 “十五五”社会事业发展主要指标');
  });

  it('is read by the core reader as the Word file is', () => {
    expect(readDocumentTable(page, { district, document: 'county.html' }).problems).toEqual([]);
    expect(brief(page)).toEqual(countyIndicators);
    expect(readDocumentTable(page, { district, document: 'county.html' }).footnotes).toEqual([
      { place: { line: 5 }, text: '注：[ ]内为五年累计数。' },
    ]);
  });

  it('keeps the page title and the paragraphs as lines', () => {
    expect(page.lines.map((l) => l.text)).toEqual(['规划', ...word.lines.map((l) => l.text)]);
  });
});

describe('HTML as pages are saved', () => {
  it('decodes entities, takes <br> and blocks in a cell as line breaks, skips scripts and hidden text', () => {
    const doc = readHtml(
      `<html><head><style>td{color:red}</style><script>var a = "<table>";</script></head><body>
       <p>表1&nbsp;主要指标</p><p>（单位：%）</p>
       <table><thead><tr><th>指标</th><th>目标</th></tr></thead>
       <tbody><tr><td><p>人均预期</p><p>寿命&lt;岁&gt;</p></td><td>&ge;&#56;0<br/>（2030年）</td></tr>
       <tr><td>PM<sub>2.5</sub>浓度</td><td><span style="display:none">隐藏</span>30</td></tr></tbody></table>
       </body></html>`,
      'page.html',
    );
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]?.caption).toEqual({ text: '表1 主要指标', place: { line: 1 } });
    expect(doc.tables[0]?.rows.map((r) => r.map(shown))).toEqual([
      ['指标', '目标'],
      ['人均预期\n寿命<岁>', '≥80\n（2030年）'],
      ['PM2.5浓度', '30'],
    ]);
    expect(doc.lines.map((l) => l.text)).toEqual(['表1 主要指标', '（单位：%）']);
  });

  it('reads a page laid out in tables as running text, the data table inside it with its caption', () => {
    const doc = readHtml(
      `<table><tr><td>首页 &gt; 规划计划</td></tr><tr><td>
         <div>第一章 发展目标</div><div>表1 主要指标</div>
         <table><tr><td>指标</td><td>2030年</td></tr><tr><td>城镇化率（%）</td><td>70</td></tr></table>
       </td></tr></table>`,
      'layout.html',
    );
    expect(doc.lines.map((l) => l.text)).toEqual([
      '首页 > 规划计划',
      '第一章 发展目标',
      '表1 主要指标',
    ]);
    expect(doc.tables.map((t) => [t.caption?.text, t.rows.map((r) => r.map(shown))])).toEqual([
      [
        '表1 主要指标',
        [
          ['指标', '2030年'],
          ['城镇化率（%）', '70'],
        ],
      ],
    ]);
  });

  it('takes no running sentence or page navigation for a caption, and fills a short row with empty cells', () => {
    const doc = readHtml(
      `<p>到2030年，主要指标如下。</p><table><tr><td>指标</td><td>2025年</td><td>2030年</td></tr>
       <tr><td>森林覆盖率（%）</td><td>30</td></tr></table>`,
      'short.html',
    );
    expect(doc.tables[0]?.caption).toBeNull();
    const nav = readHtml(
      '<div>首页 &gt; 政务公开</div><table><tr><td>指标</td><td>目标</td></tr></table>',
      'n.html',
    );
    expect(nav.tables[0]?.caption).toBeNull();
    expect(doc.tables[0]?.rows[1]?.map((c) => [c.text, c.place])).toEqual([
      ['森林覆盖率（%）', { table: 1, row: 2, col: 1 }],
      ['30', { table: 1, row: 2, col: 2 }],
      ['', { table: 1, row: 2, col: 3 }],
    ]);
  });
});
