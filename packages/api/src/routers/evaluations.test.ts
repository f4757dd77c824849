import ExcelJS from 'exceljs';
import type { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { schema, seedBuiltIn } from '@pm/db';
import { describeDb } from '@pm/db/testing';
import { beforeAll, expect, it } from 'vitest';
import { docxText, zipEntry } from '../reports/testing';
import { callerFor, testUser } from '../testing';

const YUHUA = '130108';
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as TRPCError,
  );

describeDb('evaluations router', (get) => {
  let round = 0;
  beforeAll(async () => {
    await seedBuiltIn(get().db);
  });
  const as = async (role: 'reviewer' | 'leader' | 'official' | 'admin') =>
    callerFor(get().db, await testUser(get().db, role, role, role === 'leader' ? 'all' : [YUHUA]));

  /** Sets the approved 2023 actual of Yuhua's indicator `seq`. */
  async function setActual(seq: number, value: number) {
    const { db } = get();
    const { indicators, plans, yearlyValues } = schema;
    const [row] = await db
      .select({ id: yearlyValues.id })
      .from(yearlyValues)
      .innerJoin(indicators, eq(indicators.id, yearlyValues.indicatorId))
      .innerJoin(plans, eq(plans.id, indicators.planId))
      .where(
        and(eq(plans.districtId, YUHUA), eq(indicators.seq, seq), eq(yearlyValues.year, 2023)),
      );
    await db.update(yearlyValues).set({ value }).where(eq(yearlyValues.id, row!.id));
  }

  it('only a reviewer opens, reviews and finalizes; a leader reads along', async () => {
    const leader = await as('leader');
    expect((await failure(leader.evaluations.open({ district: YUHUA })))?.code).toBe('FORBIDDEN');
    const reviewer = await as('reviewer');
    const opened = await reviewer.evaluations.open({ district: YUHUA });
    round = opened.id;
    expect(opened).toMatchObject({ year: 2023, status: 'open', openedBy: 'reviewer' });
    const items = [{ seq: 4, decision: 'confirmed' as const }];
    expect(
      (await failure(leader.evaluations.review({ district: YUHUA, round, items })))?.code,
    ).toBe('FORBIDDEN');
    expect((await failure(leader.evaluations.finalize({ district: YUHUA, round })))?.code).toBe(
      'FORBIDDEN',
    );
    const view = await leader.evaluations.get({ district: YUHUA, round });
    expect(view).toMatchObject({ reviewed: 0, total: 20 });
    expect(
      (await failure((await as('official')).evaluations.list({ district: YUHUA })))?.code,
    ).toBe('FORBIDDEN');
  });

  it('a second round of the same year cannot be opened while one is open', async () => {
    const error = await failure(
      (await as('reviewer')).evaluations.open({ district: YUHUA, year: 2023 }),
    );
    expect(error?.code).toBe('CONFLICT');
    expect(error?.cause).toMatchObject({ key: 'evaluations.alreadyOpen' });
  });

  it('an override needs a written reason', async () => {
    const reviewer = await as('reviewer');
    const error = await failure(
      reviewer.evaluations.review({
        district: YUHUA,
        round,
        items: [{ seq: 17, decision: 'overridden', status: 'lagging', reason: '  ' }],
      }),
    );
    expect(error?.code).toBe('BAD_REQUEST');
    expect(error?.message).toContain('an override needs a written reason');
    const same = await failure(
      reviewer.evaluations.review({
        district: YUHUA,
        round,
        items: [{ seq: 17, decision: 'overridden', status: 'seriously_lagging', reason: 'x' }],
      }),
    );
    expect(same?.cause).toMatchObject({ key: 'evaluations.sameStatus' });
    expect((await reviewer.evaluations.get({ district: YUHUA, round })).reviewed).toBe(0);
  });

  it('an override picks a grade of the item’s phase: midway not 未完成', async () => {
    const reviewer = await as('reviewer');
    const error = await failure(
      reviewer.evaluations.review({
        district: YUHUA,
        round,
        items: [{ seq: 17, decision: 'overridden', status: 'not_achieved', reason: '年度未完成' }],
      }),
    );
    expect(error?.code).toBe('BAD_REQUEST');
    expect(error?.cause).toMatchObject({
      key: 'evaluations.notAGrade',
      params: { seq: 17, status: 'not_achieved' },
    });
  });

  it('counts the reviews and refuses to finalize until every indicator has one', async () => {
    // The reviewer signs reports with a name and unit (单位).
    await get()
      .db.update(schema.users)
      .set({ displayName: '赵明', unit: '裕华区发展和改革局' })
      .where(eq(schema.users.username, 'reviewer'));
    const reviewer = await as('reviewer');
    await reviewer.evaluations.review({
      district: YUHUA,
      round,
      items: [
        {
          seq: 17,
          decision: 'overridden',
          status: 'lagging',
          reason: '2023 年受区域传输影响，已采取应急措施',
          comment: '建议下年度重点督办',
        },
        { seq: 4, decision: 'confirmed', comment: '数据已核实' },
      ],
    });
    const view = await reviewer.evaluations.get({ district: YUHUA, round });
    expect(view.reviewed).toBe(2);
    expect(view.pending).toHaveLength(18);
    const pm25 = view.items.find((i) => i.seq === 17);
    expect(pm25).toMatchObject({ finalStatus: 'lagging', bindingWarning: true, stale: false });
    expect(pm25?.computed.status).toBe('seriously_lagging');
    const error = await failure(reviewer.evaluations.finalize({ district: YUHUA, round }));
    expect(error?.code).toBe('CONFLICT');
    expect(error?.cause).toMatchObject({
      key: 'evaluations.notReady',
      params: { pending: 18, stale: 0 },
    });
  });

  it('a review given before the data changed the status must be given again', async () => {
    const reviewer = await as('reviewer');
    const all = (await reviewer.evaluations.get({ district: YUHUA, round })).items
      .filter((i) => i.review === null)
      .map((i) => ({ seq: i.seq, decision: 'confirmed' as const }));
    await reviewer.evaluations.review({ district: YUHUA, round, items: all });
    await setActual(4, 55);
    const view = await reviewer.evaluations.get({ district: YUHUA, round });
    expect(view.stale).toEqual([4]);
    expect(view.reviewed).toBe(19);
    const error = await failure(reviewer.evaluations.finalize({ district: YUHUA, round }));
    expect(error?.cause).toMatchObject({ params: { pending: 0, stale: 1 } });
    await reviewer.evaluations.review({
      district: YUHUA,
      round,
      items: [{ seq: 4, decision: 'confirmed' }],
    });
  });

  const sections = {
    achievements: '经济运行稳中有进。',
    problems: '空气质量改善不及预期。',
    causes: '受区域传输影响。',
    nextSteps: '加强联防联控。',
  };

  it('the narrative starts as drafts from the data; reviewers and admins save it, others may not', async () => {
    const reviewer = await as('reviewer');
    const before = await reviewer.evaluations.get({ district: YUHUA, round });
    expect(before.narrative).toMatchObject({ edited: false, by: null });
    expect(before.narrative.sections).toEqual(before.narrative.drafts);
    expect(before.narrative.drafts.problems).toContain('细颗粒物(PM2.5)浓度降幅');
    for (const role of ['leader', 'official'] as const) {
      const refused = await failure(
        (await as(role)).evaluations.saveNarrative({ district: YUHUA, round, sections }),
      );
      expect(refused?.code, role).toBe('FORBIDDEN');
    }
    const admin = await as('admin');
    await admin.evaluations.saveNarrative({
      district: YUHUA,
      round,
      sections: { ...sections, causes: '管理员更正。' },
    });
    const saved = await reviewer.evaluations.saveNarrative({ district: YUHUA, round, sections });
    expect(saved.by).toBe('reviewer');
    const after = await reviewer.evaluations.get({ district: YUHUA, round });
    expect(after.narrative).toMatchObject({ edited: true, by: 'reviewer', sections });
  });

  it('an empty or overlong section is refused with a message naming it, and nothing is stored', async () => {
    const reviewer = await as('reviewer');
    const empty = await failure(
      reviewer.evaluations.saveNarrative({
        district: YUHUA,
        round,
        sections: { ...sections, problems: '  ' },
      }),
    );
    expect(empty?.code).toBe('BAD_REQUEST');
    expect(empty?.message).toContain(
      '存在问题 (problems) is empty: write it, or restore the first draft',
    );
    const long = await failure(
      reviewer.evaluations.saveNarrative({
        district: YUHUA,
        round,
        sections: { ...sections, causes: '长'.repeat(6001) },
      }),
    );
    expect(long?.message).toContain('原因分析 (causes) is longer than 6000 characters');
    const view = await reviewer.evaluations.get({ district: YUHUA, round });
    expect(view.narrative.sections).toEqual(sections);
  });

  it('finalizing freezes the round: later data changes alter the live scorecard, not the snapshot', async () => {
    const reviewer = await as('reviewer');
    const done = await reviewer.evaluations.finalize({ district: YUHUA, round });
    expect(done.summary.bindingWarnings).toEqual([13, 17]);
    const frozen = await reviewer.evaluations.get({ district: YUHUA, round });
    expect(frozen.round).toMatchObject({ status: 'finalized', finalizedBy: 'reviewer' });
    expect(frozen.narrative.sections).toEqual(sections);
    const late = await failure(
      reviewer.evaluations.saveNarrative({
        district: YUHUA,
        round,
        sections: { ...sections, causes: '改' },
      }),
    );
    expect(late?.cause).toMatchObject({ key: 'evaluations.finalized' });

    await setActual(4, 70);
    await setActual(17, 9);
    expect(await reviewer.evaluations.get({ district: YUHUA, round })).toEqual(frozen);

    const leader = await as('leader');
    const live = await leader.scorecard.district({ district: YUHUA, year: 2023 });
    expect(live.indicators.find((i) => i.seq === 4)?.status).toBe('achieved');
    expect(live.finalizedYears).toEqual([2023]);
    const finalized = await leader.scorecard.district({
      district: YUHUA,
      year: 2023,
      mode: 'finalized',
    });
    const platforms = finalized.indicators.find((i) => i.seq === 4);
    expect(platforms?.status).toBe('seriously_lagging');
    expect(platforms?.latestValue).toBe(55);
    expect(finalized.indicators.find((i) => i.seq === 17)).toMatchObject({
      status: 'lagging',
      override: { computed: 'seriously_lagging', reason: '2023 年受区域传输影响，已采取应急措施' },
    });
    expect(finalized.round?.id).toBe(round);

    // The indicator page carries the reviewer's conclusion beside the live figures.
    const pm25 = await leader.scorecard.indicator({ district: YUHUA, seq: 17, year: 2023 });
    // Live: 9 was set after finalizing; the round keeps the figure it graded.
    expect(pm25.row.status).toBe('on_track');
    expect(pm25.conclusion).toMatchObject({
      round: { id: round, year: 2023, kind: 'midterm', finalizedBy: 'reviewer' },
      decision: 'overridden',
      computed: { status: 'seriously_lagging' },
      reason: '2023 年受区域传输影响，已采取应急措施',
      reviewedBy: 'reviewer',
      row: { status: 'lagging' },
    });
    expect(pm25.conclusion?.row.latestValue).not.toBe(9);
    const platformsPage = await leader.scorecard.indicator({ district: YUHUA, seq: 4, year: 2023 });
    expect(platformsPage.row.status).toBe('achieved');
    expect(platformsPage.conclusion).toMatchObject({
      decision: 'confirmed',
      reason: null,
      row: { status: 'seriously_lagging', latestValue: 55 },
    });
    const otherYear = await leader.scorecard.indicator({ district: YUHUA, seq: 17, year: 2022 });
    expect(otherYear.conclusion).toBeNull();
    expect(
      (
        await failure(
          reviewer.evaluations.review({
            district: YUHUA,
            round,
            items: [{ seq: 4, decision: 'confirmed' }],
          }),
        )
      )?.cause,
    ).toMatchObject({ key: 'evaluations.finalized' });
  });

  it('exports the round as a Word report and a workbook', async () => {
    const leader = await as('leader');
    const docx = await leader.evaluations.export({ district: YUHUA, round, format: 'docx' });
    expect(docx.filename).toMatch(/^130108-裕华区-十四五-2023-中期评估-\d+\.docx$/);
    const text = docxText(Buffer.from(docx.base64, 'base64'));
    expect(text).toContain('中期评估报告');
    for (const heading of [
      '一、总体情况',
      '二、主要成效经济运行稳中有进。',
      '三、存在问题空气质量改善不及预期。',
      '四、原因分析受区域传输影响。',
      '五、下一步举措加强联防联控。',
      '附表 4约束性指标预警',
    ])
      expect(text).toContain(heading);
    // Signed by the finalizing reviewer's unit and name as they stood at finalizing.
    expect(text).toMatch(/裕华区发展和改革局评估人员：赵明\d{4}年\d{1,2}月\d{1,2}日附表 1/u);
    expect(text).toContain('2023 年受区域传输影响，已采取应急措施');
    expect(text).toContain('计算状态为“严重滞后”，评估调整为“滞后预期”');
    expect(text).toContain('基本符合预期及以上占');
    expect(text).toContain('演示数据');

    const xlsx = await leader.evaluations.export({ district: YUHUA, round, format: 'xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      '汇总 Summary',
      '指标 Indicators',
      '预警 Warnings',
    ]);
    const rows = book.getWorksheet('指标 Indicators')!.getSheetValues();
    expect(rows).toHaveLength(22);
    expect(rows.find((r) => Array.isArray(r) && r[1] === 17)).toContain('滞后预期');
    expect(zipEntry(Buffer.from(xlsx.base64, 'base64'), 'xl/workbook.xml')).not.toBeNull();
  });

  it('a new round can be opened once the last one is finalized', async () => {
    const reviewer = await as('reviewer');
    const next = await reviewer.evaluations.open({ district: YUHUA });
    expect(next.id).not.toBe(round);
    const list = await reviewer.evaluations.list({ district: YUHUA });
    expect(list.rounds.map((r) => [r.id, r.status])).toEqual([
      [next.id, 'open'],
      [round, 'finalized'],
    ]);
  });
});
