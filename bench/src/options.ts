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
