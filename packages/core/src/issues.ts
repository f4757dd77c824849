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
