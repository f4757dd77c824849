import { describe, expect, it } from 'vitest';
import { BySeq } from './by-seq';

describe('BySeq', () => {
  it('finds what a Map would for any number, -0 and 0 being one key', () => {
    const seqs = [1, 2, 20, 0, 1023, 1024, 99_999, -1, 2.5, Number.NaN, Infinity];
    const table = new BySeq<string>();
    const map = new Map<number, string>();
    for (const seq of seqs) {
      table.set(seq, `#${seq}`);
      map.set(seq, `#${seq}`);
    }
    table.set(-0, 'zero');
    map.set(-0, 'zero');
    for (const seq of [...seqs, -0, 3, 1025, -2, 2.25]) expect(table.get(seq)).toBe(map.get(seq));
  });

  it('keeps the last value set for a seq', () => {
    const table = new BySeq<number>();
    table.set(5, 1);
    table.set(5, 2);
    table.set(5000, 1);
    table.set(5000, 2);
    expect([table.get(5), table.get(5000)]).toEqual([2, 2]);
  });
});
