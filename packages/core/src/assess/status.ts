import type { Attribute } from '../plan';

/** One status per indicator per evaluation year (spec §3). */
export type Status =
  | 'achieved'
  | 'on_track'
  | 'lagging'
  | 'seriously_lagging'
  | 'awaiting_target'
  | 'no_data'
  | 'not_assessed';

export const STATUSES: readonly Status[] = [
  'achieved',
  'on_track',
  'lagging',
  'seriously_lagging',
  'awaiting_target',
  'no_data',
  'not_assessed',
];

export const statusLabels: Record<Status, { zh: string; en: string }> = {
  achieved: { zh: '已完成', en: 'achieved' },
  on_track: { zh: '符合预期', en: 'on track' },
  lagging: { zh: '进度滞后', en: 'lagging' },
  seriously_lagging: { zh: '严重滞后', en: 'seriously lagging' },
  awaiting_target: { zh: '待下达目标', en: 'awaiting target' },
  no_data: { zh: '无数据', en: 'no data' },
  not_assessed: { zh: '仅监测', en: 'monitored only' },
};

/** 约束性指标预警: a binding indicator that lags, lags seriously or has no data. */
export function isBindingWarning(attribute: Attribute, status: Status): boolean {
  return (
    attribute === 'binding' &&
    (status === 'lagging' || status === 'seriously_lagging' || status === 'no_data')
  );
}
