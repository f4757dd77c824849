import { describe, expect, it } from 'vitest';
import { STATUSES, type Status } from './status';
import { summarize, zeroCounts } from './summary';
import { actual, assess, indicator } from './test-support';
import type { IndicatorAssessment } from './types';

describe('summarize', () => {
  it('has no share on track when nothing is assessed', () => {
    const monitored = assess(indicator({ form: 'monitor' }), []);
    const s = summarize([monitored], 2023);
    expect(s.assessed).toBe(0);
    expect(s.shareOnTrack).toBeNull();
    expect(summarize([], 2023).shareOnTrack).toBeNull();
  });

  it('keeps any category name as a plain key', () => {
    const odd = assess(indicator({ form: 'monitor' }, { category: '__proto__' }), []);
    const s = summarize([odd], 2023);
    expect(Object.keys(s.byCategory)).toEqual(['__proto__']);
    expect(s.byCategory['__proto__']?.not_assessed).toBe(1);
  });
});

describe('the phases a summary covers', () => {
  const lvl = indicator({ form: 'level', baseline: 0, value: 100 });
  it('is midway for a mid-term view, at the end for a final one, both when figures are missing', () => {
    expect(summarize([assess(lvl, [actual(2023, 60)])], 2023).phases).toEqual(['progress']);
    expect(summarize([assess(lvl, [actual(2025, 100)], 2025)], 2025).phases).toEqual(['end']);
    const mixed = [assess(lvl, [actual(2025, 100)], 2025), assess(lvl, [actual(2024, 80)], 2025)];
    expect(summarize(mixed, 2025).phases).toEqual(['progress', 'end']);
  });

  it('counts only graded indicators, and is midway when none is', () => {
    const none = assess(lvl, [], 2025);
    expect(none.status).toBe('no_data');
    expect(none.phase).toBe('end');
    expect(summarize([none, assess(lvl, [actual(2025, 90)], 2025)], 2025).phases).toEqual(['end']);
    expect(summarize([none], 2025).phases).toEqual(['progress']);
  });

  it('counts every status, category and attribute as counting one by one does', () => {
    const base = assess(indicator({ form: 'monitor' }), []);
    const list: IndicatorAssessment[] = STATUSES.flatMap((status, i) =>
      [0, 1, 2].map((k) => ({
        ...base,
        seq: i * 3 + k,
        status,
        phase: k === 1 ? ('end' as const) : ('progress' as const),
        category: ['经济发展', '民生福祉'][(i + k) % 2] ?? '',
        attribute: k === 2 ? ('binding' as const) : ('expected' as const),
      })),
    );
    const s = summarize(list, 2025);
    const count = (keep: (a: IndicatorAssessment) => boolean) => {
      const c = zeroCounts();
      for (const a of list) if (keep(a)) c[a.status as Status]++;
      return c;
    };
    expect(s.byStatus).toEqual(count(() => true));
    expect(s.byAttribute.binding).toEqual(count((a) => a.attribute === 'binding'));
    expect(s.byAttribute.expected).toEqual(count((a) => a.attribute === 'expected'));
    expect(s.byCategory).toEqual({
      经济发展: count((a) => a.category === '经济发展'),
      民生福祉: count((a) => a.category === '民生福祉'),
    });
    expect(Object.keys(s.byStatus)).toEqual(Object.keys(zeroCounts()));
    expect(s.assessed).toBe(list.length - 3);
    expect(s.phases).toEqual(['progress', 'end']);
  });
});
