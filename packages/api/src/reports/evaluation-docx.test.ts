import { describe, expect, it } from 'vitest';
import { doubledPunctuation } from '@pm/core';
import { evaluationDocx, FONTS, LANDSCAPE_TEXT } from './evaluation-docx';
import { narrativeDrafts } from './narrative';
import { textWidth, unbreakable } from './widths';
import {
  docxTables,
  docxText,
  finalRound,
  midtermRound,
  openView,
  review,
  v1Round,
  zipEntry,
} from './testing';
import type { EvaluationView } from '../views/evaluation';

async function read(v: EvaluationView) {
  const docx = await evaluationDocx(v, new Date('2026-12-02T03:00:00Z'));
  const [counts, categories, indicators, series, warnings] = docxTables(docx);
  const row = (seq: number) => indicators!.find((r) => r[0] === String(seq))!;
  return { text: docxText(docx), counts, categories, row, series, warnings };
}

const ungraded = ['待下达目标', '无数据', '仅监测'];

describe('the Word report of a round', () => {
  it('a mid-term round counts the five progress grades and the share 基本符合预期及以上', async () => {
    const { text, counts, categories, row } = await read(midtermRound());
    expect(counts).toEqual([
      ['状态', '计算结果', '评估结论'],
      ['提前实现', '0', '0'],
      ['快于预期', '2', '2'],
      ['基本符合预期', '1', '1'],
      ['滞后预期', '1', '1'],
      ['严重滞后', '3', '3'],
      ['待下达目标', '1', '1'],
      ['无数据', '12', '12'],
      ['仅监测', '0', '0'],
    ]);
    expect(categories![0]).toEqual([
      '类别',
      '指标数',
      '提前实现',
      '快于预期',
      '基本符合预期',
      '滞后预期',
      '严重滞后',
      '其他',
      '基本符合预期及以上占比',
    ]);
    expect(categories).toContainEqual(['创新驱动', '4', '0', '1', '0', '0', '1', '2', '25%']);
    expect(text).toContain(
      '纳入评价的 20 项指标中，提前实现 0 项、快于预期 2 项、基本符合预期 1 项，基本符合预期及以上占 15%；' +
        '滞后预期 1 项、严重滞后 3 项；待下达目标 1 项、无数据 12 项。',
    );
    expect(row(4).slice(2, 7)).toEqual([
      '预期性',
      '2025 年达到 70 个以上，年均增长 6%',
      '66（2023 年）',
      '快于预期',
      '快于预期',
    ]);
    expect(row(16)[2]).toBe('约束性');
    expect(text).toContain('以下 4 项约束性指标滞后预期、严重滞后或缺少数据，需重点关注：');
    expect(text).not.toMatch(/已完成|基本完成|未完成|符合预期占比|进度滞后/u);
  });

  it('a final round (E = Y = 2025) is graded 完成, 基本完成, 未完成 and shows the revised target', async () => {
    const { text, counts, categories, row, warnings } = await read(finalRound());
    expect(counts!.map((r) => r[0])).toEqual(['状态', '完成', '基本完成', '未完成', ...ungraded]);
    expect(counts!.slice(1, 4)).toEqual([
      ['完成', '1', '1'],
      ['基本完成', '2', '2'],
      ['未完成', '3', '3'],
    ]);
    expect(categories![0]).toEqual([
      '类别',
      '指标数',
      '完成',
      '基本完成',
      '未完成',
      '其他',
      '完成及基本完成占比',
    ]);
    expect(text).toContain(
      '共 20 项指标：完成 1 项、基本完成 2 项、未完成 3 项，无数据 14 项。' +
        '纳入评价的 20 项指标中，完成及基本完成占 15%。',
    );
    expect(row(4).slice(3, 7)).toEqual([
      '原目标 70，2024 年调整为 65',
      '65（2025 年）',
      '完成',
      '完成',
    ]);
    expect(row(1)[5]).toBe('基本完成');
    expect(row(7)[5]).toBe('未完成');
    expect(text).toContain('约束性指标未完成或缺少数据，需重点关注：');
    expect(text).not.toMatch(/提前实现|快于预期|基本符合预期|滞后预期|严重滞后/u);
    expect(text).toContain('附表 4约束性指标完成情况');
    expect(text).toContain('按规划目标年的完成进度评定');
    expect(warnings!.map((r) => [r[0], r[2]])).toEqual([
      ['序号', '评估结论'],
      ['16', '未完成'],
      ['13', '无数据'],
      ['14', '无数据'],
      ['15', '无数据'],
      ['17', '无数据'],
    ]);
  });

  it('a final round names the binding indicators not achieved first, in its overview', async () => {
    const { text } = await read(finalRound());
    expect(text).toContain(
      '规划确定约束性指标 5 项，约束性指标未完成 1 项：城市空气质量优良天数比率；' +
        '无数据 4 项：劳动年龄人口平均受教育年限、',
    );
  });

  it('a final round overridden to 基本完成 counts and lists what stands', async () => {
    const overridden = finalRound({
      reviews: [
        review({
          seq: 16,
          computedStatus: 'not_achieved',
          decision: 'overridden',
          finalStatus: 'basically_achieved',
          reason: '差距在监测误差内',
        }),
      ],
    });
    const { text, warnings } = await read(overridden);
    expect(text).toContain('共 20 项指标：完成 1 项、基本完成 3 项、未完成 2 项，无数据 14 项。');
    expect(text).toContain('规划确定约束性指标 5 项，约束性指标无数据 4 项：');
    expect(warnings!.map((r) => r[0])).toEqual(['序号', '13', '14', '15', '17']);
  });

  it('a round at Y with an indicator whose data stop a year early lists the grades of both phases', async () => {
    const { text, counts, row } = await read(finalRound({ mixed: true }));
    expect(text).toContain('尚无 2025 年数据、按进度评价 1 项（快于预期 1 项）');
    expect(counts!.map((r) => r[0])).toEqual([
      '状态',
      '提前实现/完成',
      '快于预期',
      '基本符合预期',
      '滞后预期',
      '严重滞后',
      '基本完成',
      '未完成',
      ...ungraded,
    ]);
    expect(row(4)[5]).toBe('快于预期');
    expect(row(4)[7]).toContain('数据截至 2024 年');
    // 21.9 of 2025 against the printed level 26.26 (the [1.05] is a yearly factor, not the increase).
    expect(row(5)[5]).toBe('未完成');
  });

  it('a round finalized under v1 keeps the words it was graded in', async () => {
    const { text, counts, categories, row } = await read(v1Round());
    expect(counts!.map((r) => r[0])).toEqual([
      '状态',
      '已完成',
      '符合预期',
      '进度滞后',
      '严重滞后',
      ...ungraded,
    ]);
    expect(categories![0]).toEqual([
      '类别',
      '指标数',
      '已完成',
      '符合预期',
      '进度滞后',
      '严重滞后',
      '其他',
      '符合预期及以上占比',
    ]);
    expect(text).toContain(
      '已完成 1 项、符合预期 1 项，符合预期及以上占 10%；进度滞后 2 项、严重滞后 0 项；',
    );
    expect(row(4)[5]).toBe('已完成');
    expect(text).toContain('计算状态为“严重滞后”，评估调整为“进度滞后”，理由：受区域传输影响。');
    expect(text).toContain('约束性指标进度滞后、严重滞后或缺少数据');
    expect(text).not.toMatch(/提前实现|快于预期|基本符合预期|滞后预期|基本完成|未完成/u);
  });

  it('names the round’s kind, the plan by title and period, and the evaluation year', async () => {
    const mid = await read(midtermRound());
    expect(mid.text).toMatch(
      /^石家庄市裕华区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要实施中期评估报告（征求意见稿）/u,
    );
    expect(mid.text).toContain(
      '对裕华区“十四五”规划主要指标至 2023 年的实施情况进行了中期评估。现将有关情况报告如下。',
    );
    expect(mid.text).toContain('附表 4约束性指标预警');
    const end = await read(finalRound());
    expect(end.text).toMatch(/^裕华区“十四五”规划总结评估报告（征求意见稿）按照/u);
    expect(end.text).toContain(
      '本报告评估裕华区“十四五”规划确定的主要指标至规划目标年 2025 年的完成情况。',
    );
    expect(end.text).toContain('附表 4约束性指标完成情况');
  });

  it('takes the period’s name from the plan’s years, never a fixed one', async () => {
    const at = (baselineYear: number, targetYear: number) => {
      const v = finalRound();
      const plan = {
        ...v.plan,
        title: '规划纲要',
        baselineYear,
        midtermYear: baselineYear + 3,
        targetYear,
      };
      const moved = { ...v, plan, round: { ...v.round, year: targetYear } };
      return read({ ...moved, narrative: { ...v.narrative, sections: narrativeDrafts(moved) } });
    };
    const fifteenth = await at(2025, 2030);
    expect(fifteenth.text).toMatch(/^裕华区“十五五”规划总结评估报告/u);
    expect(fifteenth.text).toContain('至规划目标年 2030 年');
    expect(fifteenth.text).not.toContain('十四五');
    const long = await at(2020, 2035);
    expect(long.text).toMatch(/^裕华区2021–2035 年规划总结评估报告/u);
  });

  it('a yearly round keeps its title', async () => {
    const { text } = await read(openView(2024, { values: [] }));
    expect(text).toMatch(/纲要实施2024 年度评估报告（征求意见稿）/u);
  });

  it('targets read as a person says them; a printed cell broken over lines as one phrase: 达到市要求', async () => {
    const { row } = await read(midtermRound());
    expect(row(3)[3]).toBe('达到市要求');
    expect(row(1)[3]).toBe('年均增长 6%左右');
  });

  it('every table has fixed columns within the landscape text width, none narrower than its longest number', async () => {
    const docx = await evaluationDocx(finalRound());
    const xml = zipEntry(docx, 'word/document.xml')!.toString('utf8');
    const grids = [...xml.matchAll(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/g)].map((m) =>
      [...m[1]!.matchAll(/w:w="(\d+)"/g)].map((w) => Number(w[1])),
    );
    const tables = docxTables(docx);
    expect(grids).toHaveLength(5);
    expect(xml.match(/<w:tblLayout w:type="fixed"\/>/g)).toHaveLength(5);
    grids.forEach((cols, t) => {
      expect(cols.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(LANDSCAPE_TEXT);
      cols.forEach((width, k) => {
        const longest = Math.max(
          ...tables[t]!.map((r) => r[k] ?? '').flatMap((c) =>
            unbreakable(c).map((u) => textWidth(u, 10.5)),
          ),
        );
        // 20 twips a point, and the cell's margins of 2 × 108 twips.
        expect(width, `table ${t + 1} column ${k + 1}`).toBeGreaterThan(longest * 20 + 216);
      });
    });
    // The latest figure and its year are two lines: a narrow column breaks between them only.
    expect(xml).toMatch(
      />65<\/w:t><\/w:r><w:r>(?:(?!<\/w:r>)[\s\S])*<w:br\/>(?:(?!<\/w:r>)[\s\S])*>（2025 年）</,
    );
  });

  it('the yearly series runs from the baseline year to the evaluation year for every indicator', async () => {
    const { series } = await read(finalRound());
    expect(series![0]).toEqual([
      '序号',
      '指标',
      '单位',
      '2020 年（基期）',
      '2021 年',
      '2022 年',
      '2023 年',
      '2024 年',
      '2025 年',
      '规划目标',
    ]);
    expect(series).toHaveLength(21);
    expect(series!.find((r) => r[0] === '4')).toEqual([
      '4',
      '市级以上创新平台',
      '个',
      '50',
      '58',
      '62',
      '64',
      '64.5',
      '65',
      '原目标 70，2024 年调整为 65',
    ]);
    expect(series!.find((r) => r[0] === '2')!.slice(3, 9)).toEqual(Array(6).fill('—'));
  });

  it('is laid out as an official document: fonts, sizes, A4 margins and page numbers — 1 — in the footers', async () => {
    const docx = await evaluationDocx(midtermRound());
    const xml = zipEntry(docx, 'word/document.xml')!.toString('utf8');
    const title = xml.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*实施中期评估报告<\/w:t>/)![0];
    expect(title).toContain(`w:eastAsia="${FONTS.title}"`);
    expect(title).toContain('<w:sz w:val="44"/>');
    expect(title).toContain('<w:jc w:val="center"/>');
    for (const h of [
      '一、总体情况',
      '二、主要成效',
      '三、存在问题',
      '四、原因分析',
      '五、下一步举措',
      '六、有关说明',
    ]) {
      const p = xml.match(new RegExp(`<w:p>(?:(?!</w:p>)[\\s\\S])*>${h}</w:t>`))?.[0];
      expect(p, h).toContain(`w:eastAsia="${FONTS.heading}"`);
      expect(p, h).toContain('<w:sz w:val="32"/>');
    }
    expect(xml).not.toMatch(/w:pStyle w:val="(Heading|Title)/);
    const body = xml.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*现将有关情况报告如下。<\/w:t>/)![0];
    expect(body).toContain(`w:eastAsia="${FONTS.body}"`);
    expect(body).toContain('<w:ind w:firstLine="640"/>');
    // GB/T 9704: 37 mm top, 35 mm bottom, 28 mm left, 26 mm right (56.7 twips a millimetre).
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1985" w:left="1588"/);
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    const settings = zipEntry(docx, 'word/settings.xml')!.toString('utf8');
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    const footers = ['word/footer1.xml', 'word/footer2.xml'].map((f) =>
      zipEntry(docx, f)!.toString('utf8'),
    );
    for (const f of footers) {
      expect(f).toMatch(/>— <\/w:t>[\s\S]*PAGE[\s\S]*> —<\/w:t>/);
      expect(f).toContain('<w:sz w:val="28"/>');
    }
    expect(footers.map((f) => f.match(/<w:jc w:val="(\w+)"\/>/)![1]).sort()).toEqual([
      'left',
      'right',
    ]);
  });

  it('is signed with the reviewer’s unit and name and a Chinese date, not a user name', async () => {
    const open = await read(midtermRound());
    expect(open.text).toContain('裕华区发展和改革局评估人员：赵明2026年12月2日附表 1');
    expect(open.text).not.toMatch(/wang|zhao|2026-01-05/);
    const v = finalRound();
    const finalized = await read({
      ...v,
      round: { ...v.round, status: 'finalized', finalizedAt: new Date('2026-12-01T17:00:00Z') },
      signer: { name: '钱进', unit: null },
    });
    // The paragraph before the signature keeps with it: the signature never stands alone on a page.
    const xml = zipEntry(await evaluationDocx(midtermRound()), 'word/document.xml')!.toString(
      'utf8',
    );
    const beforeSignature = xml.match(
      /<w:p>(?:(?!<w:p>)[\s\S])*待评估人员确认。<\/w:t>(?:(?!<\/w:p>)[\s\S])*<\/w:p>/,
    )![0];
    expect(beforeSignature).toContain('<w:keepNext/>');
    // 17:00 UTC is the next morning in Beijing; a signer without a unit signs for the district.
    expect(finalized.text).toContain('裕华区评估人员：钱进2026年12月2日');
    expect(finalized.text).not.toContain('征求意见稿');
  });

  it('carries the four narrative sections as saved, under 二、三、四、五', async () => {
    const sections = {
      achievements: '经济运行稳中有进。。',
      problems: '第一段。\n\n第二段',
      causes: '受外部环境影响，。',
      nextSteps: '加快推进重点项目；；',
    };
    const v = openView(2023, { values: [], narrative: sections });
    const { text } = await read(v);
    expect(text).toContain('二、主要成效经济运行稳中有进。三、存在问题第一段。第二段四、原因分析');
    expect(text).toContain('四、原因分析受外部环境影响。五、下一步举措加快推进重点项目；六、');
  });

  it('the share on track is the summary’s, not counted again', async () => {
    const v = midtermRound();
    const { text } = await read({ ...v, summary: { ...v.summary, shareOnTrack: 0.5 } });
    expect(text).toContain('基本符合预期及以上占 50%');
  });

  it.each([
    ['mid-term', midtermRound],
    ['final', () => finalRound()],
    ['mixed', () => finalRound({ mixed: true })],
    ['v1', v1Round],
  ])('the %s report has no holes in its text', async (_, round) => {
    const { text } = await read(round());
    expect(text).not.toMatch(/undefined|null|NaN/);
    expect(doubledPunctuation(text)).toBeNull();
  });
});
