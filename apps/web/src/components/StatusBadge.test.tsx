import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { STATUSES } from '@pm/core';
import { I18nProvider } from '../i18n';
import { ProgressBar } from './ProgressBar';
import { StatusBadge } from './StatusBadge';

afterEach(cleanup);

describe('StatusBadge', () => {
  it('gives every status its own shape, so none rests on colour alone', () => {
    render(
      <I18nProvider locale="zh-CN">
        {STATUSES.map((s) => (
          <StatusBadge key={s} status={s} />
        ))}
      </I18nProvider>,
    );
    const icons = [...document.querySelectorAll('.badge-icon')].map((i) => i.textContent);
    expect(new Set(icons).size).toBe(STATUSES.length);
    expect(icons.every((i) => i && i.trim() !== '')).toBe(true);
  });

  it('says 提前实现 midway and 完成 at the end', () => {
    render(
      <I18nProvider locale="zh-CN">
        <StatusBadge status="achieved" phase="progress" />
        <StatusBadge status="achieved" phase="end" />
        <StatusBadge status="ahead" />
        <StatusBadge status="basically_achieved" phase="end" />
        <StatusBadge status="not_achieved" phase="end" />
      </I18nProvider>,
    );
    const words = [...document.querySelectorAll('.badge')].map((b) => b.textContent);
    expect(words).toEqual(['★提前实现', '★完成', '»快于预期', '◐基本完成', '⊘未完成']);
  });

  it('keeps v1’s words for a v1 round, in English too', () => {
    render(
      <I18nProvider locale="en">
        <StatusBadge status="on_track" rules="v1" />
      </I18nProvider>,
    );
    expect(screen.getByText('On track')).toBeTruthy();
    cleanup();
    render(
      <I18nProvider locale="zh-CN">
        <StatusBadge status="on_track" rules="v1" />
        <StatusBadge status="lagging" rules="v1" />
      </I18nProvider>,
    );
    expect(screen.getByText('符合预期')).toBeTruthy();
    expect(screen.getByText('进度滞后')).toBeTruthy();
  });
});

describe('ProgressBar', () => {
  it('takes the colour of each new status', () => {
    render(
      <>
        <ProgressBar value={0.8} label="ahead" tone="ahead" />
        <ProgressBar value={0.97} label="basically" tone="basically_achieved" />
        <ProgressBar value={0.7} label="not" tone="not_achieved" />
      </>,
    );
    expect(screen.getByRole('img', { name: 'ahead' }).className).toBe('bar bar-ahead');
    expect(screen.getByRole('img', { name: 'basically' }).className).toBe(
      'bar bar-basically_achieved',
    );
    expect(screen.getByRole('img', { name: 'not' }).className).toBe('bar bar-not_achieved');
  });
});
