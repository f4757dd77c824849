import { STATUS_ICON } from '../../components/statusIcon';
import { useWords } from '../../i18n/words';
import { listedStatuses, type Grading } from '../../lib/grades';
import type { LeagueRow } from '../scorecard/types';

/** What the counts column lists: the statuses of the grading, monitored-only left out. */
export const counted = (grading: Grading) =>
  listedStatuses(grading).filter((s) => s !== 'not_assessed');

/** The league is always of today's figures, so of today's rules. */
export const gradingOf = (phases: LeagueRow['phases']): Grading => ({ rules: 'v2', phases });

/** A district's (or a region's) indicators by status, one small badge per status it has. */
export function StatusMinis({
  counts,
  phases,
}: {
  counts: NonNullable<LeagueRow['byStatus']>;
  phases: LeagueRow['phases'];
}) {
  const words = useWords();
  return (
    <ul className="minis">
      {counted(gradingOf(phases))
        .filter((s) => counts[s] > 0)
        .map((s) => {
          const word = words.status(s, { phase: phases });
          return (
            <li key={s} className={`mini mini-${s}`} title={word}>
              <span aria-hidden="true">{STATUS_ICON[s]}</span>
              <span className="visually-hidden">{word}</span> {counts[s]}
            </li>
          );
        })}
    </ul>
  );
}

/** The legend of the badges: every status the grading counts, in its words. */
export function StatusLegend({ grading, label }: { grading: Grading; label: string }) {
  const words = useWords();
  return (
    <ul className="legend" aria-label={label}>
      {counted(grading).map((s) => (
        <li key={s} className={`mini mini-${s}`}>
          <span aria-hidden="true">{STATUS_ICON[s]}</span>{' '}
          {words.status(s, { phase: grading.phases, rules: grading.rules })}
        </li>
      ))}
    </ul>
  );
}
