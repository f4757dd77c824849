import { readFileSync } from 'node:fs';

/**
 * The seeds' main-indicator tables as text: the excerpts of the real 14th plans (their PDF
 * conversions) that core's reader tests keep in packages/core/src/parse/fixtures, named by the
 * seed document each comes from. Committed, so these tests run on any clone.
 */
const EXCERPTS: Record<string, string> = {
  '000_8058f291677181db.txt': 'yuhua.txt',
  '003_77dd39c1c227e82f.txt': 'weibin.txt',
  '004_d6d1b2d89a558b81.txt': 'xinhua.txt',
};

/** The excerpt's text of a seed document; an unknown seed is a test error, said plainly. */
export function seedText(seed: string): string {
  const excerpt = EXCERPTS[seed];
  if (!excerpt) throw new Error(`no committed excerpt of the seed ${seed}`);
  return readFileSync(
    new URL(`../../../core/src/parse/fixtures/${excerpt}`, import.meta.url),
    'utf8',
  );
}

/** Every seed with a main-indicator table, by document name. */
export const SEEDS_WITH_TABLES = Object.keys(EXCERPTS);
