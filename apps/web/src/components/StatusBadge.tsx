import type { Status } from '@pm/core';
import { useI18n } from '../i18n';
import './status.css';

/** A shape beside the word, so the status never rests on colour alone. */
const ICON: Record<Status, string> = {
  achieved: '★',
  on_track: '✓',
  lagging: '▲',
  seriously_lagging: '✕',
  awaiting_target: '…',
  no_data: '?',
  not_assessed: '○',
};

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useI18n();
  return (
    <span className={`badge badge-${status}`}>
      <span className="badge-icon" aria-hidden="true">
        {ICON[status]}
      </span>
      {t(`status.${status}`)}
    </span>
  );
}
