import { beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { ValueChange } from '@pm/core';
import { describeDb } from '../testing';
import { queryRows } from '../client';
import { builtInPlans } from '../seed/builtin';
import { loadAssessmentInput } from './assessment';
import { importPlan } from './plans';
import {
  loadConfirmations,
  loadDeletions,
  loadHistory,
  loadValues,
  removeValue,
  saveValues,
  importValues,
  transitionValues,
  ValueError,
  ValueImportError,
} from './values';

const YUHUA = '130108';
const platforms = (value: number | string, rest: Partial<ValueChange> = {}): ValueChange => ({
  seq: 4,
  year: 2021,
  kind: 'actual',
  value,
  version: null,
  ...rest,
});

async function refusal(promise: Promise<unknown>): Promise<ValueError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValueError);
  return error as ValueError;
}

describeDb('yearly values: save, review, history', (get) => {
  const counts = async () =>
    (
      await queryRows<{ values: number; history: number }>(
        get().db,
        sql`select (select count(*) from yearly_values)::int as values, (select count(*) from value_history)::int as history`,
      )
    )[0];

  beforeAll(async () => {
    for (const file of builtInPlans().slice(0, 2)) await importPlan(get().db, file);
  });

  it('a district without a plan has no values to load or save', async () => {
    expect(await loadValues(get().db, '999999')).toBeNull();
    expect(await saveValues(get().db, '999999', [platforms(1)], 'official')).toBeNull();
  });

  it('a new figure is stored as a draft at version 1, with its history row', async () => {
    const [saved] = (await saveValues(
      get().db,
      YUHUA,
      [platforms('54', { source: '统计公报' })],
      'official',
    ))!;
    expect(saved).toMatchObject({
      seq: 4,
      year: 2021,
      kind: 'actual',
      value: 54,
      state: 'draft',
      version: 1,
      source: '统计公报',
      updatedBy: 'official',
    });
    const history = await loadHistory(get().db, YUHUA, saved!.id);
    expect(history?.entries).toEqual([
      {
        version: 1,
        oldValue: null,
        newValue: 54,
        oldState: null,
        newState: 'draft',
        oldComparator: null,
        newComparator: null,
        reason: null,
        changedBy: 'official',
        changedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
  });

  it('an edit at the version seen bumps the version and keeps the old figure in the history', async () => {
    const [saved] = (await saveValues(
      get().db,
      YUHUA,
      [platforms('55', { version: 1 })],
      'official2',
    ))!;
    expect(saved).toMatchObject({
      value: 55,
      version: 2,
      updatedBy: 'official2',
      source: '统计公报',
    });
    const history = await loadHistory(get().db, YUHUA, saved!.id);
    expect(history?.entries.map((e) => [e.version, e.oldValue, e.newValue, e.changedBy])).toEqual([
      [2, 54, 55, 'official2'],
      [1, null, 54, 'official'],
    ]);
  });

  it('a stale version is refused with the stored figure, and nothing changes', async () => {
    const before = await counts();
    const error = await refusal(
      saveValues(get().db, YUHUA, [platforms('56', { version: 1 })], 'official'),
    );
    expect(error.problems).toEqual([
      {
        index: 0,
        code: 'stale',
        current: expect.objectContaining({ value: 55, version: 2, updatedBy: 'official2' }),
      },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('of two people saving over the same version at once, the second is refused', async () => {
    const results = await Promise.allSettled([
      saveValues(get().db, YUHUA, [platforms('57', { version: 2 })], 'a'),
      saveValues(get().db, YUHUA, [platforms('58', { version: 2 })], 'b'),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ValueError);
    expect((await loadValues(get().db, YUHUA, [2021]))?.values[0]).toMatchObject({ version: 3 });
  });

  it('of two people entering a new figure at once, the second sees the first’s', async () => {
    const first = { seq: 10, year: 2021, kind: 'actual' as const, version: null };
    const results = await Promise.allSettled([
      saveValues(get().db, YUHUA, [{ ...first, value: '9.7' }], 'a'),
      saveValues(get().db, YUHUA, [{ ...first, value: '9.8' }], 'b'),
    ]);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((rejected.reason as ValueError).problems).toEqual([
      { index: 0, code: 'stale', current: expect.objectContaining({ seq: 10, version: 1 }) },
    ]);
  });

  it('a batch with one bad figure writes nothing', async () => {
    const before = await counts();
    const error = await refusal(
      saveValues(
        get().db,
        YUHUA,
        [
          { seq: 4, year: 2022, kind: 'actual', value: '60', version: null },
          { seq: 10, year: 2022, kind: 'actual', value: 'x', version: null },
        ],
        'official',
      ),
    );
    expect(error.problems.map((p) => p.code)).toEqual(['bad_number']);
    expect(await counts()).toEqual(before);
  });

  it('a far-off figure needs a reason, which the history keeps', async () => {
    const far = { seq: 4, year: 2022, kind: 'actual' as const, value: '200', version: null };
    const error = await refusal(saveValues(get().db, YUHUA, [far], 'official'));
    expect(error.problems[0]).toMatchObject({ code: 'needs_reason' });
    const [saved] = (await saveValues(
      get().db,
      YUHUA,
      [{ ...far, reason: '口径调整' }],
      'official',
    ))!;
    expect((await loadHistory(get().db, YUHUA, saved!.id))?.entries[0]?.reason).toBe('口径调整');
  });

  it('submit → return with a comment → fix → submit → approve, each in the history', async () => {
    const { db } = get();
    const submitted = await transitionValues(db, YUHUA, 'submit', { year: 2022 }, 'official');
    expect(submitted?.map((v) => [v.seq, v.state])).toEqual([[4, 'submitted']]);
    const value = submitted![0]!;
    const returned = await transitionValues(
      db,
      YUHUA,
      'return',
      { cells: [{ id: value.id, version: value.version }] },
      'reviewer',
      '请核对统计口径',
    );
    expect(returned?.[0]).toMatchObject({ state: 'returned', reviewComment: '请核对统计口径' });
    const [fixed] = (await saveValues(
      db,
      YUHUA,
      [
        {
          seq: 4,
          year: 2022,
          kind: 'actual',
          value: '61',
          version: returned![0]!.version,
          reason: '更正',
        },
      ],
      'official',
    ))!;
    expect(fixed).toMatchObject({ state: 'draft', value: 61, reviewComment: '请核对统计口径' });
    await transitionValues(db, YUHUA, 'submit', { year: 2022 }, 'official');
    const approved = await transitionValues(db, YUHUA, 'approve', { year: 2022 }, 'reviewer');
    expect(approved?.[0]).toMatchObject({ state: 'approved', reviewComment: null });
    const history = await loadHistory(db, YUHUA, fixed!.id);
    expect(history?.entries.map((e) => [e.oldState, e.newState, e.changedBy, e.reason])).toEqual([
      ['submitted', 'approved', 'reviewer', null],
      ['draft', 'submitted', 'official', null],
      ['returned', 'draft', 'official', '更正'],
      ['submitted', 'returned', 'reviewer', '请核对统计口径'],
      ['draft', 'submitted', 'official', null],
      [null, 'draft', 'official', '口径调整'],
    ]);
  });

  it('only approved figures reach the assessment', async () => {
    const input = await loadAssessmentInput(get().db, YUHUA);
    expect(input?.values).toEqual([
      { seq: 4, year: 2022, kind: 'actual', value: 61, comparator: null },
    ]);
  });

  it('an approved figure is locked until a reviewer reopens it', async () => {
    const { db } = get();
    const [value] = (await loadValues(db, YUHUA, [2022]))!.values;
    const locked = await refusal(
      saveValues(
        db,
        YUHUA,
        [{ seq: 4, year: 2022, kind: 'actual', value: 62, version: value!.version }],
        'official',
      ),
    );
    expect(locked.problems).toEqual([{ index: 0, code: 'locked' }]);
    const [reopened] = (await transitionValues(
      db,
      YUHUA,
      'reopen',
      { cells: [{ id: value!.id, version: value!.version }] },
      'reviewer',
      '统计局更正数据',
    ))!;
    expect(reopened).toMatchObject({ state: 'returned', reviewComment: '统计局更正数据' });
    const [saved] = (await saveValues(
      db,
      YUHUA,
      [{ seq: 4, year: 2022, kind: 'actual', value: 62, version: reopened!.version }],
      'official',
    ))!;
    expect(saved).toMatchObject({ value: 62, state: 'draft' });
  });

  it('a review action on a stale version or in the wrong state is refused, and nothing changes', async () => {
    const { db } = get();
    const [value] = (await loadValues(db, YUHUA, [2022]))!.values;
    const before = await counts();
    const stale = await refusal(
      transitionValues(
        db,
        YUHUA,
        'approve',
        { cells: [{ id: value!.id, version: 1 }] },
        'reviewer',
      ),
    );
    expect(stale.problems[0]).toMatchObject({ code: 'stale' });
    const wrong = await refusal(
      transitionValues(
        db,
        YUHUA,
        'approve',
        { cells: [{ id: value!.id, version: value!.version }] },
        'reviewer',
      ),
    );
    expect(wrong.problems).toEqual([{ id: value!.id, code: 'wrong_state', state: 'draft' }]);
    expect(await counts()).toEqual(before);
  });

  it('a value of another district is not found by id', async () => {
    const { db } = get();
    const [value] = (await loadValues(db, YUHUA, [2022]))!.values;
    expect(await loadHistory(db, '130104', value!.id)).toBeNull();
    const error = await refusal(
      transitionValues(
        db,
        '130104',
        'submit',
        { cells: [{ id: value!.id, version: value!.version }] },
        'x',
      ),
    );
    expect(error.problems).toEqual([{ id: value!.id, code: 'not_found' }]);
  });

  it('a draft never submitted can be taken back; one that was submitted cannot', async () => {
    const { db } = get();
    const [fresh] = (await saveValues(
      db,
      YUHUA,
      [{ seq: 18, year: 2020, kind: 'actual', value: '1,234.5', version: null }],
      'official',
    ))!;
    expect(fresh?.value).toBe(1234.5);
    expect(
      await removeValue(db, YUHUA, { id: fresh!.id, version: fresh!.version }, 'official'),
    ).toBe(true);
    expect(await loadHistory(db, YUHUA, fresh!.id)).toBeNull();
    const [value] = (await loadValues(db, YUHUA, [2022]))!.values;
    const before = await counts();
    const error = await refusal(
      removeValue(db, YUHUA, { id: value!.id, version: value!.version }, 'official'),
    );
    expect(error.problems).toEqual([{ id: value!.id, code: 'not_removable', state: 'draft' }]);
    expect(await counts()).toEqual(before);
    expect(await loadDeletions(db, YUHUA, { year: 2022 })).toEqual([]);
  });

  it('a withdrawn draft leaves a deletion record: who, when, the figure and its history', async () => {
    const { db } = get();
    const cell = { seq: 18, year: 2021, kind: 'actual' as const };
    const [first] = (await saveValues(
      db,
      YUHUA,
      [{ ...cell, value: '1500', version: null, source: '统计公报', note: '初稿' }],
      'official',
    ))!;
    const [second] = (await saveValues(
      db,
      YUHUA,
      [{ ...cell, value: '1510', version: first!.version }],
      'official',
    ))!;
    const removedAt = Date.now();
    await removeValue(db, YUHUA, { id: second!.id, version: second!.version }, 'official2');
    expect(await loadHistory(db, YUHUA, second!.id)).toBeNull();
    const [record, ...others] = (await loadDeletions(db, YUHUA, { seq: 18, year: 2021 }))!;
    expect(others).toEqual([]);
    expect(record).toMatchObject({
      seq: 18,
      year: 2021,
      kind: 'actual',
      value: 1510,
      comparator: null,
      state: 'draft',
      note: '初稿',
      source: '统计公报',
      version: 2,
      reason: null,
      deletedBy: 'official2',
    });
    expect(Math.abs(Date.parse(record!.deletedAt) - removedAt)).toBeLessThan(60_000);
    expect(record!.history).toEqual([
      expect.objectContaining({ version: 1, oldValue: null, newValue: 1500, newState: 'draft' }),
      expect.objectContaining({
        version: 2,
        oldValue: 1500,
        newValue: 1510,
        changedBy: 'official',
      }),
    ]);

    // Entered again and withdrawn again: both records stay, newest first.
    const [again] = (await saveValues(db, YUHUA, [{ ...cell, value: 1520, version: null }], 'o3'))!;
    await removeValue(db, YUHUA, { id: again!.id, version: again!.version }, 'o3', 'wrong row');
    const records = (await loadDeletions(db, YUHUA, { seq: 18, year: 2021, kind: 'actual' }))!;
    expect(records.map((r) => [r.value, r.deletedBy, r.reason])).toEqual([
      [1520, 'o3', 'wrong row'],
      [1510, 'official2', null],
    ]);
    expect(await loadDeletions(db, YUHUA, { seq: 18, year: 2022 })).toEqual([]);
    expect((await loadDeletions(db, YUHUA, { seq: 18 }))!.map((r) => r.year)).toEqual([
      2021, 2021, 2020,
    ]);
    expect(await loadDeletions(db, '130104', { seq: 18 })).toEqual([]);
    expect(await loadDeletions(db, '999999')).toBeNull();
  });

  it('loads the values of the years asked for, in seq order', async () => {
    const loaded = await loadValues(get().db, YUHUA, [2021, 2022]);
    expect(loaded?.values.map((v) => [v.seq, v.year])).toEqual([
      [4, 2021],
      [4, 2022],
      [10, 2021],
    ]);
    expect(loaded?.file.district.code).toBe(YUHUA);
  });

  it('checks figures against the plan as last imported, not as an earlier save read it', async () => {
    const db = get().db;
    const file = builtInPlans()[0]!;
    const extra = { seq: 21, year: 2022, kind: 'actual' as const, value: 3, version: null };
    // Saved once, so this database's parsed plan is kept…
    await saveValues(db, YUHUA, [platforms(55, { year: 2023 })], 'official');
    expect((await refusal(saveValues(db, YUHUA, [extra], 'official'))).problems).toMatchObject([
      { code: 'unknown_indicator' },
    ]);
    // …and an import that adds an indicator is seen by the next save.
    const last = file.indicators.at(-1)!;
    await importPlan(db, {
      ...file,
      indicators: [...file.indicators, { ...last, seq: 21, name: '新增指标' }],
    });
    const [saved] = (await saveValues(db, YUHUA, [extra], 'official'))!;
    expect(saved).toMatchObject({ seq: 21, year: 2022, value: 3, state: 'draft', version: 1 });
  });

  it('an assigned target keeps its comparator; changing only it is a new version in the history', async () => {
    const air = (rest: Partial<ValueChange>): ValueChange => ({
      seq: 16,
      year: 2022,
      kind: 'assigned_target',
      value: 70,
      version: null,
      ...rest,
    });
    const save = (change: ValueChange) => saveValues(get().db, YUHUA, [change], 'official');
    const [first] = (await save(air({ comparator: 'about' })))!;
    expect(first).toMatchObject({ value: 70, comparator: 'about', version: 1 });
    const [second] = (await save(air({ version: 1, comparator: 'at_most' })))!;
    expect(second).toMatchObject({ value: 70, comparator: 'at_most', version: 2 });
    expect(await save(air({ version: 2 }))).toEqual([]);
    const [third] = (await save(air({ version: 2, value: 72 })))!;
    expect(third).toMatchObject({ value: 72, comparator: 'at_most', version: 3 });
    const [fourth] = (await save(air({ version: 3, value: 72, comparator: 'at_least' })))!;
    expect(fourth).toMatchObject({ comparator: null, version: 4 });
    const history = await loadHistory(get().db, YUHUA, first!.id);
    expect(
      history?.entries.map((e) => [e.version, e.newValue, e.oldComparator, e.newComparator]),
    ).toEqual([
      [4, 72, 'at_most', null],
      [3, 72, 'at_most', 'at_most'],
      [2, 70, 'about', 'at_most'],
      [1, 70, null, 'about'],
    ]);
    const [submitted] = (await transitionValues(
      get().db,
      YUHUA,
      'submit',
      { cells: [{ id: first!.id, version: 4 }] },
      'official',
    ))!;
    expect(submitted).toMatchObject({ comparator: null, state: 'submitted' });
    await expect(save(air({ version: 5, comparator: 'below' }))).rejects.toThrow(ValueError);
    await transitionValues(
      get().db,
      YUHUA,
      'withdraw',
      { cells: [{ id: first!.id, version: 5 }] },
      'official',
    );
    await save(air({ version: 6, comparator: 'below' }));
    const [latest, withdrawn] = (await loadHistory(get().db, YUHUA, first!.id))!.entries;
    expect(withdrawn).toMatchObject({ oldState: 'submitted', newState: 'draft', version: 6 });
    expect(latest).toMatchObject({
      oldState: 'draft',
      newState: 'draft',
      newComparator: 'below',
    });
  });

  it('an actual given a comparator is refused, and nothing changes', async () => {
    const before = await counts();
    const error = await refusal(
      saveValues(get().db, YUHUA, [platforms('56', { comparator: 'at_most' })], 'official'),
    );
    expect(error.problems).toEqual([{ index: 0, code: 'comparator_on_actual' }]);
    expect(await counts()).toEqual(before);
  });
});

describeDb('importing the values of several districts', (get) => {
  beforeAll(async () => {
    for (const file of builtInPlans().slice(0, 2)) await importPlan(get().db, file);
  });

  it('writes every district’s figures in one go, as the system', async () => {
    const changes = new Map<string, ValueChange[]>([
      ['130108', [{ seq: 4, year: 2021, kind: 'actual', value: 54, state: 'approved' }]],
      ['130104', [{ seq: 1, year: 2021, kind: 'actual', value: 120, state: 'submitted' }]],
    ]);
    expect(await importValues(get().db, changes, 'cli')).toEqual(
      new Map([
        ['130108', 1],
        ['130104', 1],
      ]),
    );
    expect((await loadValues(get().db, '130104'))?.values[0]).toMatchObject({
      state: 'submitted',
      updatedBy: 'cli',
    });
  });

  it('a problem in any district keeps every district unchanged and lists them all', async () => {
    const changes = new Map<string, ValueChange[]>([
      ['130108', [{ seq: 4, year: 2022, kind: 'actual', value: 56 }]],
      [
        '130104',
        [
          { seq: 1, year: 2022, kind: 'actual', value: 'x' },
          { seq: 99, year: 2022, kind: 'actual', value: 1 },
        ],
      ],
    ]);
    const error = await importValues(get().db, changes, 'cli').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValueImportError);
    expect((error as ValueImportError).problems.map((p) => [p.district, p.problem.code])).toEqual([
      ['130104', 'bad_number'],
      ['130104', 'unknown_indicator'],
    ]);
    expect((await loadValues(get().db, '130108', [2022]))?.values).toEqual([]);
  });

  it('the confirmation of a figure is the reason given with its latest new number', async () => {
    const db = get().db;
    const [first] = (await saveValues(
      db,
      YUHUA,
      [platforms(60, { year: 2025, reason: '新认定平台集中入库' })],
      'official',
    ))!;
    const [noted] = (await saveValues(
      db,
      YUHUA,
      [platforms(60, { year: 2025, version: first!.version, note: '见附表' })],
      'official',
    ))!;
    expect(await loadConfirmations(db, [noted!.id])).toEqual(
      new Map([[noted!.id, '新认定平台集中入库']]),
    );
    await transitionValues(db, YUHUA, 'submit', { year: 2025 }, 'official');
    expect((await loadConfirmations(db, [noted!.id])).get(noted!.id)).toBe('新认定平台集中入库');
    await transitionValues(db, YUHUA, 'withdraw', { year: 2025 }, 'official');
    const [changed] = (await saveValues(
      db,
      YUHUA,
      [platforms(61, { year: 2025, version: noted!.version + 2 })],
      'official',
    ))!;
    expect(changed).toMatchObject({ state: 'draft', value: 61 });
    expect(await loadConfirmations(db, [changed!.id])).toEqual(new Map());
    expect(await loadConfirmations(db, [])).toEqual(new Map());
  });
});
