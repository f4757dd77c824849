import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInDistrict, serveProcedures } from '../../lib/testing';
import { DRAFTS, item, round, view } from './fixture';
import { RoundView } from './RoundView';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const items = [item(1, '创新平台', { status: 'lagging' })];
const box = (name: RegExp) => screen.findByRole('textbox', { name });

describe('the report text of a round', () => {
  it('shows the four sections with the drafts from the data, and saves what the reviewer wrote', async () => {
    const calls = serveProcedures({
      'evaluations.get': view(items),
      'evaluations.saveNarrative': { by: 'reviewer', at: '2026-12-02T08:00:00.000Z' },
    });
    renderInDistrict(<RoundView round={round()} canWrite />);
    expect(await screen.findByText(/以下为系统根据本轮数据生成的初稿/)).toBeTruthy();
    const labels = ['一、主要成效', '二、存在问题', '三、原因分析', '四、下一步举措'];
    for (const l of labels)
      expect(((await box(new RegExp(l))) as HTMLTextAreaElement).value).not.toBe('');
    const causes = (await box(/原因分析/)) as HTMLTextAreaElement;
    expect(causes.value).toBe(DRAFTS.causes);
    fireEvent.change(causes, { target: { value: '受项目建设周期影响。' } });
    expect(screen.getByText('有未保存的修改，定稿前请先保存。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '保存报告正文' }));
    await waitFor(() =>
      expect(calls.find((c) => c.procedure === 'evaluations.saveNarrative')?.input).toEqual({
        district: '130108',
        round: 7,
        sections: { ...DRAFTS, causes: '受项目建设周期影响。' },
      }),
    );
    expect(await screen.findByText('已保存')).toBeTruthy();
  });

  it('untouched sections follow new drafts after a review; a section being written keeps its text', async () => {
    let gets = 0;
    const later = { ...DRAFTS, causes: '创新平台：受用地审批影响。' };
    serveProcedures({
      'evaluations.get': () =>
        ++gets === 1
          ? view(items)
          : view(items, {
              narrative: { sections: later, drafts: later, edited: false, by: null, at: null },
            }),
      'evaluations.review': { saved: 1 },
    });
    renderInDistrict(<RoundView round={round()} canWrite />);
    fireEvent.change(await box(/主要成效/), { target: { value: '正在撰写。' } });
    fireEvent.click(await screen.findByRole('button', { name: '确认' }));
    await waitFor(() =>
      expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: /原因分析/ }).value).toBe(
        later.causes,
      ),
    );
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: /主要成效/ }).value).toBe(
      '正在撰写。',
    );
  });

  it('an emptied section is named in Chinese, nothing is sent, and its draft can be restored', async () => {
    const calls = serveProcedures({ 'evaluations.get': view(items) });
    renderInDistrict(<RoundView round={round()} canWrite />);
    const problems = (await box(/存在问题/)) as HTMLTextAreaElement;
    fireEvent.change(problems, { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: '保存报告正文' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      '请填写“存在问题”，或恢复系统初稿。',
    );
    expect(problems.getAttribute('aria-invalid')).toBe('true');
    expect(calls.some((c) => c.procedure === 'evaluations.saveNarrative')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: /恢复系统初稿：存在问题/ }));
    expect(problems.value).toBe(DRAFTS.problems);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a refusal from the server is shown in the user’s language', async () => {
    serveProcedures({
      'evaluations.get': view(items),
      'evaluations.saveNarrative': {
        refusal: {
          message: 'round 7 is finalized',
          code: -32009,
          data: { code: 'CONFLICT', httpStatus: 409, messageKey: 'evaluations.finalized' },
        },
      },
    });
    renderInDistrict(<RoundView round={round()} canWrite />);
    fireEvent.change(await box(/主要成效/), { target: { value: '改写。' } });
    fireEvent.click(screen.getByRole('button', { name: '保存报告正文' }));
    expect((await screen.findByRole('alert')).textContent).toBe('这一轮评估已定稿，不能再修改。');
  });

  it('a finalized round, or a reader, sees the text frozen and no form', async () => {
    const saved = { ...DRAFTS, causes: '受区域传输影响。。' };
    serveProcedures({
      'evaluations.get': view(items, {
        round: { ...round({ status: 'finalized', finalizedBy: 'reviewer' }) },
        narrative: { sections: saved, drafts: DRAFTS, edited: true, by: 'reviewer', at: null },
      }),
    });
    renderInDistrict(<RoundView round={round({ status: 'finalized' })} canWrite />);
    expect(await screen.findByText('本轮已定稿，报告正文已冻结。')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 4, name: '三、原因分析' })).toBeTruthy();
    expect(screen.getByText('受区域传输影响。')).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: /原因分析/ })).toBeNull();
    expect(screen.queryByRole('button', { name: '保存报告正文' })).toBeNull();
  });

  it('an administrator may edit the text of an open round without reviewing', async () => {
    serveProcedures({ 'evaluations.get': view(items) });
    renderInDistrict(<RoundView round={round()} canWrite={false} canEditNarrative />);
    expect(await box(/下一步举措/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '定稿' })).toBeNull();
  });
});
