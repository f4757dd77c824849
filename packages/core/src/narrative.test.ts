import { describe, expect, it } from 'vitest';
import {
  doubledPunctuation,
  NARRATIVE_MAX,
  narrativeProblems,
  narrativeSchema,
  tidyPunctuation,
} from './narrative';

const sections = { achievements: '成效', problems: '问题', causes: '原因', nextSteps: '举措' };

describe('narrative sections', () => {
  it('a section is trimmed, line ends made \\n', () => {
    const n = narrativeSchema.parse({ ...sections, causes: '  一是……\r\n二是……  ' });
    expect(n.causes).toBe('一是……\n二是……');
  });

  it('an empty section is refused, naming it in Chinese and English', () => {
    const r = narrativeSchema.safeParse({ ...sections, problems: '   ' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({
      path: ['problems'],
      message: '存在问题 (problems) is empty: write it, or restore the first draft',
    });
  });

  it(`a section longer than ${NARRATIVE_MAX} characters is refused; a missing one too`, () => {
    const long = narrativeSchema.safeParse({
      ...sections,
      nextSteps: '字'.repeat(NARRATIVE_MAX + 1),
    });
    expect(long.error?.issues[0]?.message).toMatch(/下一步举措 .* longer than 6000/);
    const missing = narrativeSchema.safeParse({ achievements: 'x', problems: 'x', causes: 'x' });
    expect(missing.error?.issues[0]?.path).toEqual(['nextSteps']);
  });

  it('the form is told which sections are empty or too long', () => {
    expect(
      narrativeProblems({ ...sections, achievements: ' ', causes: 'x'.repeat(NARRATIVE_MAX + 1) }),
    ).toEqual({ achievements: 'empty', causes: 'tooLong' });
  });
});

describe('punctuation as printed', () => {
  it('a doubled full stop and clashing marks close up to the strongest', () => {
    expect(tidyPunctuation('受区域传输影响。。')).toBe('受区域传输影响。');
    expect(tidyPunctuation('理由：已说明。；意见：无，。')).toBe('理由：已说明。意见：无。');
    expect(tidyPunctuation('一、二、三')).toBe('一、二、三');
  });

  it('finds doubled punctuation and where it is', () => {
    expect(doubledPunctuation('全部完成。。下一步')).toBe('全部完成。。下一步');
    expect(doubledPunctuation('全部完成。下一步，继续。')).toBeNull();
  });
});
