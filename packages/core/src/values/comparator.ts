import { z } from 'zod';
import { defaultComparator } from '../assess/compare';
import { comparatorSchema, type Comparator, type Target } from '../plan';
import { comparatorWords } from '../words';

const SYMBOLS: [string, Comparator][] = [
  ['≥', 'at_least'],
  ['>=', 'at_least'],
  ['≤', 'at_most'],
  ['<=', 'at_most'],
  ['<', 'below'],
  ['>', 'above'],
];

/** Every spelling a person may give: the key, its words in either language, a symbol. */
const SPELLINGS = new Map<string, Comparator>([
  ...comparatorSchema.options.flatMap((c): [string, Comparator][] => [
    [c, c],
    [comparatorWords[c].zh, c],
    [comparatorWords[c].en.replace(/ /g, '_'), c],
  ]),
  ...SYMBOLS,
]);

/** What a comparator may be written as, for messages: keys, then words, then symbols. */
export const COMPARATOR_SPELLINGS = [
  comparatorSchema.options.join(', '),
  comparatorSchema.options.map((c) => comparatorWords[c].zh).join(', '),
  SYMBOLS.filter(([s]) => s.length === 1)
    .map(([s]) => s)
    .join(' '),
].join('; ');

/**
 * Reads a comparator as people write it in a file: `at_least` or `at least`, 不低于, `≥` or
 * `>=` (full-width forms too). Null for anything else.
 */
export function readComparator(text: string): Comparator | null {
  const s = text
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '_');
  return SPELLINGS.get(s) ?? null;
}

/**
 * An assigned target's comparator as entered: any spelling `readComparator` knows, read into its
 * key. The one schema of a comparator input, for the API, the CSV and the workbook alike.
 */
export const comparatorInputSchema = z
  .string()
  .max(32)
  .transform((text, ctx) => {
    const comparator = readComparator(text);
    if (comparator) return comparator;
    ctx.addIssue({
      code: 'custom',
      message: `"${text}" is not a comparator; write one of ${COMPARATOR_SPELLINGS}`,
    });
    return z.NEVER;
  });

/** The comparator an assigned target is held to: its own, else the plan's (spec §2.5). */
export function comparatorInForce(target: Target, own: Comparator | null): Comparator {
  return own ?? defaultComparator(target);
}

/** What is stored of a comparator given for an assigned target: null when it is the plan's own. */
export function ownComparator(target: Target, given: Comparator | null): Comparator | null {
  return given === null || given === defaultComparator(target) ? null : given;
}
