import type { YearChange } from '@pm/core';
import { useI18n } from '../../i18n';
import { num } from '../../lib/format';
import './filters.css';

const ARROW = { up: '↑', down: '↓', flat: '→' } as const;

/**
 * 同比: the latest figure against the year before's, ↑ ↓ →, coloured better or worse by the way
 * the indicator should go (a falling PM2.5 is better); both figures in its label.
 */
export function ChangeArrow({ change, unit }: { change: YearChange | null; unit: string }) {
  const { t, locale } = useI18n();
  if (!change) return null;
  const figure = (x: number) => `${num(x, locale)}${unit}`;
  const facts = {
    move: t(`change.${change.move}`),
    previousYear: change.previousYear,
    previous: figure(change.previous),
    year: change.year,
    value: figure(change.value),
  };
  const label =
    change.better === null
      ? t('change.label', facts)
      : t('change.labelJudged', {
          ...facts,
          judgement: t(change.better ? 'change.better' : 'change.worse'),
        });
  const tone = change.better === null ? 'same' : change.better ? 'better' : 'worse';
  const delta = change.value - change.previous;
  return (
    <span className={`change change-${tone}`} role="img" aria-label={label} title={label}>
      <span aria-hidden="true">
        {ARROW[change.move]}
        {change.move !== 'flat' && ` ${delta > 0 ? '+' : '−'}${num(Math.abs(delta), locale)}`}
      </span>
    </span>
  );
}
