import type { Status } from '@pm/core';
import { StatusBadge } from '../../components/StatusBadge';

const ORDER: Status[] = [
  'achieved',
  'on_track',
  'lagging',
  'seriously_lagging',
  'awaiting_target',
  'no_data',
  'not_assessed',
];

/** Counts by status, each beside its badge; statuses without indicators are left out. */
export function StatusCounts({ counts }: { counts: Record<Status, number> }) {
  return (
    <ul className="status-counts">
      {ORDER.filter((s) => counts[s] > 0).map((s) => (
        <li key={s}>
          <StatusBadge status={s} /> <strong>{counts[s]}</strong>
        </li>
      ))}
    </ul>
  );
}
