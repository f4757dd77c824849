/** Whole seqs below this are kept in an array; any other number in a Map. */
const SMALL = 1024;

const isSmall = (seq: number): boolean => Number.isInteger(seq) && seq >= 0 && seq < SMALL;

/**
 * What a plan holds by indicator seq, looked up as a Map would (−0 and 0 one key). Plans number
 * their indicators 1, 2, 3 …: an array serves them, where a Map of 20 entries would be rehashed
 * three times as it grows, which cost the engine more than its arithmetic.
 */
export class BySeq<T> {
  private readonly small: (T | undefined)[] = [];
  private other: Map<number, T> | undefined;

  get(seq: number): T | undefined {
    return isSmall(seq) ? this.small[seq] : this.other?.get(seq);
  }

  set(seq: number, value: T): void {
    if (isSmall(seq)) this.small[seq] = value;
    else (this.other ??= new Map()).set(seq, value);
  }
}

/** A plan's table, read only. */
export type ReadonlyBySeq<T> = Pick<BySeq<T>, 'get'>;
