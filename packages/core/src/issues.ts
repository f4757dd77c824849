import type { z } from 'zod';

/** One problem found in an input, with the path to it written as in JavaScript. */
export interface InputProblem {
  path: string;
  message: string;
}

/** `['indicators', 4, 'target', 'value']` → `indicators[4].target.value`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`,
    )
    .join('');
}

/** Every problem of a failed parse, in input order. */
export function listProblems(error: z.ZodError): InputProblem[] {
  return error.issues.map((issue) => ({
    path: formatPath(issue.path) || '(root)',
    message: issue.message,
  }));
}

/**
 * The path of the first string holding a NUL character (U+0000) in `value` — a key or a value,
 * at any depth — or null. No text column can store one (PostgreSQL refuses it), so every input
 * from outside is checked before it is parsed further.
 */
export function findNulPath(
  value: unknown,
  path: readonly PropertyKey[] = [],
): PropertyKey[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? [...path] : null;
  const entries: [PropertyKey, unknown][] = Array.isArray(value)
    ? value.map((item, i) => [i, item])
    : value && typeof value === 'object'
      ? Object.entries(value)
      : [];
  for (const [key, item] of entries) {
    if (typeof key === 'string' && key.includes('\u0000')) return [...path, key];
    const at = findNulPath(item, [...path, key]);
    if (at) return at;
  }
  return null;
}

/** `findNulPath`, written as a path (`''` for the input itself). */
export function findNul(value: unknown): string | null {
  const at = findNulPath(value);
  return at ? formatPath(at) : null;
}

export const NUL_MESSAGE = 'contains a NUL character (\\u0000), which no text may hold';

/** A zod refinement refusing a NUL character anywhere in the value, at its path. */
export function refuseNul(value: unknown, ctx: z.RefinementCtx): void {
  const at = findNulPath(value);
  if (at) ctx.addIssue({ code: 'custom', path: at, message: NUL_MESSAGE });
}
