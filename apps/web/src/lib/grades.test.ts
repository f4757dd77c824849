import { describe, expect, it } from 'vitest';
import {
  listedStatuses,
  onTrackFloor,
  onTrackStatuses,
  overrideChoices,
  phasesAcross,
  warningStatuses,
} from './grades';

const NOT_GRADED = ['awaiting_target', 'no_data', 'not_assessed'];

describe('the statuses a view lists', () => {
  it('midway: the five progress grades, then those no grade', () => {
    expect(listedStatuses({ rules: 'v2', phases: ['progress'] })).toEqual([
      'achieved',
      'ahead',
      'on_track',
      'lagging',
      'seriously_lagging',
      ...NOT_GRADED,
    ]);
  });

  it('at the end: 完成, 基本完成, 未完成, then those no grade', () => {
    expect(listedStatuses({ rules: 'v2', phases: ['end'] })).toEqual([
      'achieved',
      'basically_achieved',
      'not_achieved',
      ...NOT_GRADED,
    ]);
  });

  it('a round graded by v1 lists v1’s seven statuses, whatever the phases', () => {
    expect(listedStatuses({ rules: 'v1', phases: ['end'] })).toEqual([
      'achieved',
      'on_track',
      'lagging',
      'seriously_lagging',
      ...NOT_GRADED,
    ]);
  });

  it('counts on track what spec §5 counts, per phase', () => {
    expect(onTrackStatuses({ rules: 'v2', phases: ['progress'] })).toEqual([
      'achieved',
      'ahead',
      'on_track',
    ]);
    expect(onTrackStatuses({ rules: 'v2', phases: ['end'] })).toEqual([
      'achieved',
      'basically_achieved',
    ]);
    expect(onTrackStatuses({ rules: 'v1', phases: ['progress'] })).toEqual([
      'achieved',
      'on_track',
    ]);
    expect(onTrackFloor({ rules: 'v2', phases: ['progress', 'end'] })).toEqual([
      { status: 'on_track', phase: 'progress' },
      { status: 'basically_achieved', phase: 'end' },
    ]);
  });

  it('warns of 未完成 at the end and of lagging midway', () => {
    expect(warningStatuses({ rules: 'v2', phases: ['end'] })).toEqual(['not_achieved', 'no_data']);
    expect(warningStatuses({ rules: 'v2', phases: ['progress'] })).toEqual([
      'lagging',
      'seriously_lagging',
      'no_data',
    ]);
  });
});

describe('the phases of several views', () => {
  it('are those any of them has, midway first; none reads as midway', () => {
    expect(phasesAcross([['end'], ['progress']])).toEqual(['progress', 'end']);
    expect(phasesAcross([['end'], ['end']])).toEqual(['end']);
    expect(phasesAcross([])).toEqual(['progress']);
  });
});

describe('an override', () => {
  it('offers the five progress grades midway', () => {
    expect(overrideChoices('progress', 'v2', ['lagging'])).toEqual([
      'achieved',
      'ahead',
      'on_track',
      'lagging',
      'seriously_lagging',
    ]);
  });

  it('offers 完成, 基本完成, 未完成 at the end', () => {
    expect(overrideChoices('end', 'v2', ['not_achieved'])).toEqual([
      'achieved',
      'basically_achieved',
      'not_achieved',
    ]);
  });

  it('keeps whatever the item had: its computed status and the conclusion kept', () => {
    expect(overrideChoices('end', 'v2', ['no_data', 'lagging'])).toEqual([
      'achieved',
      'lagging',
      'basically_achieved',
      'not_achieved',
      'no_data',
    ]);
  });
});
