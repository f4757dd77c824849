import type { Status } from '@pm/core';
import { useWords, type StatusWording } from '../i18n/words';
import { STATUS_ICON } from './statusIcon';
import './status.css';

/** A status in its words (by phase and rules, from core) beside a shape and a colour. */
export function StatusBadge({ status, phase, rules }: { status: Status } & StatusWording) {
  const words = useWords();
  return (
    <span className={`badge badge-${status}`}>
      <span className="badge-icon" aria-hidden="true">
        {STATUS_ICON[status]}
      </span>
      {words.status(status, { phase, rules })}
    </span>
  );
}
