import { valueHistory } from '../schema';

/** The columns of one change of a yearly figure, as the history panels list it. */
export const historyColumns = {
  version: valueHistory.version,
  oldValue: valueHistory.oldValue,
  newValue: valueHistory.newValue,
  oldState: valueHistory.oldState,
  newState: valueHistory.newState,
  oldComparator: valueHistory.oldComparator,
  newComparator: valueHistory.newComparator,
  reason: valueHistory.reason,
  changedBy: valueHistory.changedBy,
  changedAt: valueHistory.changedAt,
};
