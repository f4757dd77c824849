import type { Status } from '@pm/core';

/** A shape beside each status's word and colour, so no status rests on colour alone. */
export const STATUS_ICON: Record<Status, string> = {
  achieved: '★',
  ahead: '»',
  on_track: '✓',
  lagging: '▲',
  seriously_lagging: '✕',
  basically_achieved: '◐',
  not_achieved: '⊘',
  awaiting_target: '…',
  no_data: '?',
  not_assessed: '○',
};
