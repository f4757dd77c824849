import { describe, expect, it } from 'vitest';
import { isBindingWarning, STATUSES, statusLabels } from './status';

describe('statuses', () => {
  it('every status has a Chinese and an English label', () => {
    expect(STATUSES.map((s) => statusLabels[s].zh)).toEqual([
      '已完成',
      '符合预期',
      '进度滞后',
      '严重滞后',
      '待下达目标',
      '无数据',
      '仅监测',
    ]);
    expect(statusLabels.not_assessed.en).toBe('monitored only');
  });

  it('a binding warning is a binding indicator lagging, seriously lagging or without data', () => {
    const warned = STATUSES.filter((s) => isBindingWarning('binding', s));
    expect(warned).toEqual(['lagging', 'seriously_lagging', 'no_data']);
    expect(STATUSES.some((s) => isBindingWarning('expected', s))).toBe(false);
  });
});
