import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessmentSettingsSchema, defaultSettings, type Indicator } from '../plan';
import { assessIndicator, assessPlan } from './assess';
import { anyCase, anyNumber, anyPlan, plainNumber, type PlanCase } from './test-arbitraries';
import { period } from './test-support';

/**
 * The engine's results on 17,000 generated plans (one to three indicators each), pinned by one
 * digest per kind of plan: work done for speed must leave every figure, status, reason and key
 * order as it was. A change of the rules changes a digest on purpose; pin the new one in the same
 * commit. The plans are fast-check samples of a fixed seed, so an upgrade of fast-check may change
 * them too: re-pin from the engine of the commit before.
 */

/** JSON that keeps what JSON drops: -0, NaN, ±Infinity and undefined. */
function exact(_key: string, v: unknown): unknown {
  if (v === undefined) return '«undefined»';
  if (Object.is(v, -0)) return '«-0»';
  if (typeof v === 'number' && !Number.isFinite(v)) return `«${v}»`;
  return v;
}

function digest(results: Iterable<unknown>): { count: number; sha256: string } {
  const hash = createHash('sha256');
  let count = 0;
  for (const r of results) {
    hash.update(JSON.stringify(r, exact));
    hash.update('\n');
    count++;
  }
  return { count, sha256: hash.digest('hex') };
}

const plan = { ...period, settings: defaultSettings };
const SEED = 19;

/** A case's subject indicator given a revision (动态调整) to another case's target. */
const revisedCase = fc
  .record({ c: anyCase, other: anyCase, fromYear: fc.integer({ min: 2019, max: 2026 }) })
  .map(({ c, other, fromYear }): PlanCase => {
    const [subject, ...rest] = c.indicators as [Indicator, ...Indicator[]];
    const target = { ...other.indicators[0]!.target, linkedTo: subject.target.linkedTo };
    const revision = {
      fromYear,
      target,
      text: '65',
      document: '调整文件',
      reason: '上级调整',
      revisedBy: null,
      revisedAt: null,
    };
    return { ...c, indicators: [{ ...subject, revisions: [revision] }, ...rest] };
  });

function* casesAssessed(arb: fc.Arbitrary<PlanCase>, numRuns: number) {
  for (const c of fc.sample(arb, { seed: SEED, numRuns })) {
    yield assessPlan({ plan, indicators: c.indicators, values: c.values, year: c.year });
  }
}

function* plansAssessed(numbers: fc.Arbitrary<number>, numRuns: number) {
  for (const p of fc.sample(anyPlan(numbers), { seed: SEED, numRuns })) {
    const settings = assessmentSettingsSchema.parse(p.settings);
    yield assessPlan({ plan: { ...period, settings }, ...p });
  }
}

function* indicatorsAssessed(numRuns: number) {
  for (const p of fc.sample(anyPlan(plainNumber), { seed: SEED, numRuns })) {
    const ctx = { period, settings: assessmentSettingsSchema.parse(p.settings), year: p.year };
    const [first, ...others] = p.indicators;
    yield assessIndicator(first, p.values, ctx, others);
  }
}

describe('the engine gives the pinned results', () => {
  it('on plans around the thresholds of every form', () => {
    expect(digest(casesAssessed(anyCase, 6000))).toEqual({
      count: 6000,
      sha256: 'b7cfadd4f5f8a147964e041206d66e7662a5187389b7412263613a699a4978e2',
    });
  });

  it('on the same with a revised target', () => {
    expect(digest(casesAssessed(revisedCase, 2000))).toEqual({
      count: 2000,
      sha256: '498408b319ecf45729c6cacb8cd1ac4fdfb96028242956580608a421fad3d580',
    });
  });

  it('on plans of any form with any numbers and settings', () => {
    expect(digest(plansAssessed(anyNumber, 3000))).toEqual({
      count: 3000,
      sha256: '7a5b149d3e2e28851c0c75651ce015c01faf15fd689b98e55cbd24a9a84d00b8',
    });
  });

  it('on plans of any form with plausible numbers and any settings', () => {
    expect(digest(plansAssessed(plainNumber, 3000))).toEqual({
      count: 3000,
      sha256: '3ec47502b4875f2eaba39dd6d85e76f3752f614142b83582d8803cd24e486ace',
    });
  });

  it('on one indicator assessed with its partners', () => {
    expect(digest(indicatorsAssessed(3000))).toEqual({
      count: 3000,
      sha256: 'df4ae3e68679d553178871a527fdefcf1b020124929e17b2fc22745eca9678e5',
    });
  });
});
