import { z } from 'zod';
import { refuseNul } from './issues';
import { positiveIntSchema } from './numbers';

/** 行政区划代码: the 6-digit official division code, the district's id. */
export const districtCodeSchema = z
  .string()
  .regex(/^\d{6}$/, { message: 'district code must be 6 digits (行政区划代码)' });

/** The province of a division code (GB/T 2260): its first 2 digits (13 河北省). */
export const provinceCode = (code: string) => code.slice(0, 2);
/** The city (地级) of a division code: its first 4 digits (1301 石家庄市). */
export const cityCode = (code: string) => code.slice(0, 4);

/** A province's code (2 digits, 13) or a city's (4 digits, 1301): a scope of every district in it. */
export const regionCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{2}(\d{2})?$/, {
    message: 'a province code has 2 digits (13), a city code 4 (1301)',
  });

/** Whether district `code` is in region `region` (a province's or a city's code). */
export const inRegion = (code: string, region: string) => code.startsWith(region);

export const districtSchema = z.object({
  code: districtCodeSchema,
  name: z.string().min(1),
  city: z.string().min(1),
  province: z.string().min(1),
});
export type District = z.infer<typeof districtSchema>;

/** 指标属性: 预期性 (expected) or 约束性 (binding). */
export const attributeSchema = z.enum(['expected', 'binding']);
export type Attribute = z.infer<typeof attributeSchema>;

/** The target forms of spec §2. */
export const targetFormSchema = z.enum([
  'level',
  'annual_rate',
  'cumulative',
  'bound',
  'maintain',
  'assigned',
  'linked',
  'monitor',
]);
export type TargetForm = z.infer<typeof targetFormSchema>;

/**
 * 左右 about · 以上/≥/不低于 at_least · 以下/≤/不高于 at_most ·
 * </低于/控制在…以内 below · > above.
 */
export const comparatorSchema = z.enum(['about', 'at_least', 'at_most', 'below', 'above']);
export type Comparator = z.infer<typeof comparatorSchema>;

export const directionSchema = z.enum(['increase', 'decrease', 'maintain']);
export type Direction = z.infer<typeof directionSchema>;

/**
 * What a `cumulative` total sums (spec §2.3): the yearly values; the increase of a level since
 * the baseline; or yearly reductions or growths in % compounded (单位GDP能耗降低 [13.5]).
 */
export const sumOfSchema = z.enum(['values', 'increases', 'compound']);
export type SumOf = z.infer<typeof sumOfSchema>;

/** A parsed target (spec §2). Absent numbers are null, never undefined. */
export const targetSchema = z.object({
  form: targetFormSchema,
  /** 基数: the plan's printed year-B value, when it printed one. */
  baseline: z.number().nullable(),
  /** T: the target-year level (level), the bound (bound), the kept level (maintain). */
  value: z.number().nullable(),
  /** Average yearly growth in % (annual_rate; also on a level row that states one). */
  rate: z.number().nullable(),
  /** X: the five-year total (cumulative). */
  cumulative: z.number().nullable(),
  sumOf: sumOfSchema.nullable().default(null),
  comparator: comparatorSchema.nullable(),
  /**
   * Tolerance in the indicator's unit (percentage points for rates): the indicator's own, 0
   * included; null when it states none and the plan's default applies (spec §2).
   */
  tolerance: z.number().nonnegative().nullable(),
  direction: directionSchema.nullable(),
  /** `seq` of the indicator a `linked` target tracks. */
  linkedTo: positiveIntSchema.nullable(),
  /** B′: the year of a baseline printed for another year than the plan's B (为2019年数据). */
  baselineYear: z.number().int().min(1949).max(2100).nullable().default(null),
});
export type Target = z.infer<typeof targetSchema>;

/**
 * 动态调整 (spec §6): from `fromYear` on, `target` replaces the indicator's original target,
 * which is never overwritten. `document` names the decision or document that revised it.
 */
export const targetRevisionSchema = z.object({
  fromYear: z.number().int().min(1949).max(2100),
  target: targetSchema,
  /** The revised target's text as the document prints it, e.g. "65". */
  text: z.string().nullable().default(null),
  document: z.string().trim().min(1),
  reason: z.string().trim().min(1),
  revisedBy: z.string().nullable().default(null),
  /** ISO 8601 */
  revisedAt: z.string().nullable().default(null),
});
export type TargetRevision = z.infer<typeof targetRevisionSchema>;

/** The plan's own cell texts, kept verbatim beside the parsed target. */
export const rawCellsSchema = z.object({
  baseline: z.string().nullable(),
  target: z.string().nullable(),
  rate: z.string().nullable(),
  attribute: z.string().nullable(),
  /** Cells the printed table merged over this and earlier rows: their text is the merged cell's. */
  merged: z.array(z.enum(['baseline', 'target', 'rate', 'attribute'])).optional(),
  /**
   * How the reader read these cells where it departed from them (a [x] that contradicts the
   * printed levels): the reader's English note, which `readerMessage` says in Chinese.
   */
  reading: z.string().max(1000).optional(),
});
export type RawCells = z.infer<typeof rawCellsSchema>;

const blankCell = (text: string | null) => text === null || /^[\s\-—–_]*$/.test(text);

/** The plan's own words for the target: its target cell, else its rate cell (年均增长, 达到市要求). */
export function planTarget(raw: RawCells): string | null {
  if (!blankCell(raw.target)) return raw.target;
  return blankCell(raw.rate) ? null : raw.rate;
}

/** Where an indicator came from in the plan document. */
export const sourceSchema = z.object({
  document: z.string().min(1),
  line: positiveIntSchema.nullable(),
  kind: z.enum(['table', 'text']),
  quote: z.string().nullable(),
});
export type Source = z.infer<typeof sourceSchema>;

/** The longest 牵头单位 kept: a department's name, or two or three joined by 、. */
export const LEAD_DEPARTMENT_MAX = 100;

/**
 * 牵头单位: the department responsible for an indicator, as an administrator names it. Blank is no
 * name; the API refuses it, a plan file reads it as none.
 */
export const leadDepartmentSchema = z
  .string()
  .trim()
  .min(1, { message: 'name the lead department (牵头单位)' })
  .max(LEAD_DEPARTMENT_MAX, {
    message: `a lead department (牵头单位) is at most ${LEAD_DEPARTMENT_MAX} characters`,
  });

/** A file's 牵头单位: absent (files written before it was set), blank or null reads as none. */
const fileLeadDepartment = z.preprocess(
  (v) => (v === undefined || (typeof v === 'string' && v.trim() === '') ? null : v),
  leadDepartmentSchema.nullable(),
);

export const indicatorSchema = z.object({
  seq: positiveIntSchema,
  category: z.string(),
  name: z.string().min(1),
  unit: z.string(),
  attribute: attributeSchema,
  /** 牵头单位 */
  leadDepartment: fileLeadDepartment,
  raw: rawCellsSchema,
  target: targetSchema,
  /**
   * Revisions of the target in the order they were made, never rewritten: each is in force from its
   * year until one from a later year; of two from the same year the later one (a correction).
   */
  revisions: z.array(targetRevisionSchema).default([]),
  source: sourceSchema,
});
export type Indicator = z.infer<typeof indicatorSchema>;

/** Per-plan assessment settings (spec §3); every default is the spec's. */
export const assessmentSettingsSchema = z.object({
  /** ε: a pace ratio of at least 1 − ε is on track; at the end, a completion of 1 − ε basically achieved. */
  epsilon: z.number().min(0).max(1).default(0.05),
  /** δ: a pace ratio of 1 + δ or more is ahead of schedule (快于预期). */
  delta: z.number().min(0).default(0.2),
  /** A pace ratio below this is seriously lagging. */
  seriousPace: z.number().min(0).max(1).default(0.5),
  /** Default tolerance of 左右, in percentage points. */
  aboutTolerance: z.number().min(0).default(0.5),
  /** Tolerance of 基本同步 for linked indicators, in percentage points. */
  linkedTolerance: z.number().min(0).default(0.5),
  /** An average rate this many pp below L (or above U) is seriously lagging. */
  rateSeriousGap: z.number().min(0).default(1),
  /** A required rate more than this many pp above L is seriously lagging. */
  requiredRateGap: z.number().min(0).default(2),
  /** An average rate this many pp above L (below U) is ahead of schedule. */
  rateAheadGap: z.number().min(0).default(1),
  /** At the end, an average rate less than this many pp below L is basically achieved. */
  rateBasicGap: z.number().min(0).default(0.5),
  /** A value changing more than this share from last year asks for confirmation. */
  changeThreshold: z.number().min(0).default(0.5),
});
export type AssessmentSettings = z.infer<typeof assessmentSettingsSchema>;
export const defaultSettings: AssessmentSettings = assessmentSettingsSchema.parse({});

export const planHeaderSchema = z
  .object({
    title: z.string().min(1),
    baselineYear: z.number().int().min(1949).max(2100),
    midtermYear: z.number().int().min(1949).max(2100),
    targetYear: z.number().int().min(1949).max(2100),
    settings: assessmentSettingsSchema.default(defaultSettings),
  })
  .refine((p) => p.baselineYear < p.midtermYear && p.midtermYear < p.targetYear, {
    message: 'years must satisfy baselineYear < midtermYear < targetYear',
    path: ['midtermYear'],
  });
export type PlanHeader = z.infer<typeof planHeaderSchema>;
/** Baseline year B, mid-term year M, target year Y (spec §1). */
export type PlanPeriod = Pick<PlanHeader, 'baselineYear' | 'midtermYear' | 'targetYear'>;

export const PLAN_FORMAT = 'plan-monitor/plan@2';
/**
 * Files written before spec v2, still read: their tolerance of 0 meant "none stated" (the plan
 * default applied), which v2 writes as null; they have no baseline years and no revisions.
 */
export const PLAN_FORMAT_V1 = 'plan-monitor/plan@1';

const fromV1 = (t: Target): Target => (t.tolerance === 0 ? { ...t, tolerance: null } : t);

/** The interchange format: one district's plan with its main indicators. */
export const planFileSchema = z
  .object({
    format: z.enum([PLAN_FORMAT, PLAN_FORMAT_V1]),
    district: districtSchema,
    plan: planHeaderSchema,
    indicators: z.array(indicatorSchema),
  })
  .superRefine((file, ctx) => {
    refuseNul(file, ctx);
    const seen = new Set<number>();
    file.indicators.forEach((ind, i) => {
      if (seen.has(ind.seq)) {
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', i, 'seq'],
          message: `duplicate seq ${ind.seq}`,
        });
      }
      seen.add(ind.seq);
    });
    const { baselineYear: b, targetYear: y } = file.plan;
    file.indicators.forEach((ind, i) => {
      const issue = (path: (string | number)[], message: string) =>
        ctx.addIssue({ code: 'custom', path: ['indicators', i, ...path], message });
      const targets: [Target, (string | number)[]][] = [
        [ind.target, ['target']],
        ...ind.revisions.map((r, k): [Target, (string | number)[]] => [
          r.target,
          ['revisions', k, 'target'],
        ]),
      ];
      for (const [target, path] of targets) {
        const to = target.linkedTo;
        if (to !== null && !seen.has(to))
          issue([...path, 'linkedTo'], `links to seq ${to}, which is not in this plan`);
        if (target.baselineYear !== null && target.baselineYear >= y)
          issue([...path, 'baselineYear'], `a baseline year must be before the target year ${y}`);
      }
      ind.revisions.forEach((r, k) => {
        if (r.fromYear <= b || r.fromYear > y)
          issue(['revisions', k, 'fromYear'], `a revision takes effect in ${b + 1}–${y}`);
      });
    });
  })
  .transform((file) => ({
    ...file,
    format: PLAN_FORMAT as typeof PLAN_FORMAT,
    indicators:
      file.format === PLAN_FORMAT
        ? file.indicators
        : file.indicators.map((i) => ({ ...i, target: fromV1(i.target) })),
  }));
export type PlanFile = z.output<typeof planFileSchema>;

/** 实际值 (actual) or 市下达目标 (assigned_target). */
export const valueKindSchema = z.enum(['actual', 'assigned_target']);
export type ValueKind = z.infer<typeof valueKindSchema>;

/** draft → submitted → approved, or submitted → returned → draft. Only approved values count. */
export const valueStateSchema = z.enum(['draft', 'submitted', 'approved', 'returned']);
export type ValueState = z.infer<typeof valueStateSchema>;

/** One yearly figure of one indicator, as the engine reads it (approved values only). */
export interface YearValue {
  seq: number;
  year: number;
  kind: ValueKind;
  value: number;
  /** For an assigned target: how the actual must compare with it; defaults to the indicator's. */
  comparator?: Comparator | null;
}
