import type { DbHandle } from '@pm/db';
import { openDatabase } from '../app';
import { loadConfig } from '../config';
import { createLog } from '../log';

/** A mistake in what the user asked for, worth one clear line. */
export class CliError extends Error {}

/** Opens the configured database for one command, and always closes it. */
export async function withDatabase<T>(fn: (handle: DbHandle) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const handle = await openDatabase(config, createLog('silent'));
  try {
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

/** Prints rows as aligned columns; CJK characters count double. */
export function formatTable(headers: string[], rows: (string | number | null)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => (c === null ? '' : String(c))))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => displayWidth(r[i] ?? ''))));
  return cells
    .map((r) =>
      r
        .map((c, i) => c + ' '.repeat((widths[i] ?? 0) - displayWidth(c)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return width;
}
