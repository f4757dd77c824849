import type { Status } from '@pm/core';
import './status.css';

interface ProgressBarProps {
  /** Completion as a ratio; drawn within 0–100%, the label says the real figure. */
  value: number | null;
  /** Where the bar should be by now (时序进度), as a ratio. */
  marker?: number | null;
  /** What a screen reader hears and a tooltip shows, e.g. "完成进度 65%，时序进度 60%". */
  label: string;
  tone?: Status;
}

const clamp = (x: number) => Math.min(1, Math.max(0, x));

export function ProgressBar({ value, marker = null, label, tone = 'on_track' }: ProgressBarProps) {
  return (
    <span className={`bar bar-${tone}`} role="img" aria-label={label} title={label}>
      <span className="bar-fill" style={{ width: `${clamp(value ?? 0) * 100}%` }} />
      {marker !== null && (
        <span className="bar-marker" style={{ left: `${clamp(marker) * 100}%` }} />
      )}
    </span>
  );
}
