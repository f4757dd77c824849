/** A whole-number option within bounds, or an error naming the option, its bounds and what it got. */
export function wholeOption(
  given: string | undefined,
  option: string,
  min: number,
  max: number,
): number {
  const n = Number(given);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`${option} must be a whole number from ${min} to ${max}, got "${given}"`);
  return n;
}

/** A comma-separated list of whole numbers within bounds (e.g. `--levels 10,25,50`). */
export function listOption(
  given: string | undefined,
  option: string,
  min: number,
  max: number,
): number[] {
  const parts = (given ?? '').split(',').filter((p) => p.trim() !== '');
  if (parts.length === 0) throw new Error(`${option} must list whole numbers, got "${given}"`);
  return parts.map((p) => wholeOption(p.trim(), option, min, max));
}
