import { NOT_GRADED, type Status } from '@pm/core';
import { listedStatuses, type Grading } from '../lib/grades';
import { StatusBadge } from './StatusBadge';
import './status.css';

/**
 * Counts by status, each beside its badge: every grade of the view's phases (the five progress
 * grades midway, 完成/基本完成/未完成 at the end), and those no grade that occur.
 */
export function StatusCounts({
  counts,
  grading,
}: {
  counts: Readonly<Record<Status, number>>;
  grading: Grading;
}) {
  const shown = listedStatuses(grading).filter((s) => !NOT_GRADED.includes(s) || counts[s] > 0);
  return (
    <ul className="status-counts">
      {shown.map((s) => (
        <li key={s}>
          <StatusBadge status={s} phase={grading.phases} rules={grading.rules} />{' '}
          <strong>{counts[s]}</strong>
        </li>
      ))}
    </ul>
  );
}
