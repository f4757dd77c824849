import { useI18n } from '../../i18n';
import { HEAT_BANDS, type HeatBand } from './leagueView';

const SHOWN: readonly HeatBand[] = [...HEAT_BANDS.map((b) => b.band), 'none', 'unreported'];

/** What each colour of the heat map means: its bands of the share on track, none, 未报送. */
export function HeatLegend({ shareLabel }: { shareLabel: string }) {
  const { t } = useI18n();
  const title = t('league.heat.title', { share: shareLabel });
  return (
    <div className="heat-legend">
      <span className="muted small">{title}</span>
      <ul className="legend" aria-label={title}>
        {SHOWN.map((band) => (
          <li key={band}>
            <span className={`swatch heat-${band}`} aria-hidden="true" />
            {t(`league.heat.${band}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}
