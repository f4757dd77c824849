import type { ReactNode } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { ProgressBar } from '../../components/ProgressBar';
import { useI18n } from '../../i18n';
import { pct } from '../../lib/format';
import type { League } from '../scorecard/types';
import { withRegion } from './leagueView';
import { StatusMinis } from './StatusMinis';

export type RegionRow = League['groups'][number];
type Region = League['region'];

/** A link to the league inside `region` (null: every district), keeping the rest of the URL. */
function useRegionLink() {
  const [params] = useSearchParams();
  const { pathname } = useLocation();
  return (region: { level: 'province' | 'city'; code: string } | null) => {
    const search = withRegion(params, region).toString();
    return search ? `${pathname}?${search}` : pathname;
  };
}

/** 全部 › 河北省 › 石家庄市: where the league is, each level above a link back up. */
export function RegionTrail({ region }: { region: Region }) {
  const { t } = useI18n();
  const link = useRegionLink();
  const { province, city } = region;
  const steps = [
    { name: t('league.all'), to: link(null) },
    ...(province
      ? [{ name: province.name, to: link({ level: 'province', code: province.code }) }]
      : []),
    ...(city ? [{ name: city.name, to: link({ level: 'city', code: city.code }) }] : []),
  ];
  return (
    <nav className="region-trail" aria-label={t('league.regions')}>
      <span className="muted" aria-hidden="true">
        {t('league.scope')}
      </span>
      <ol>
        {steps.map((s, i) => (
          <li key={s.to}>
            {i === steps.length - 1 ? (
              <span aria-current="page">{s.name}</span>
            ) : (
              <Link to={s.to}>{s.name}</Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

interface GroupsProps {
  groups: RegionRow[];
  overall: RegionRow;
  shareLabel: string;
}

/**
 * One roll-up row per province (or per city of the province shown), each a link one level down,
 * and the roll-up of all of them; inside a city, the city's roll-up in one line.
 */
export function RegionGroups({ groups, overall, shareLabel }: GroupsProps) {
  const { t } = useI18n();
  const link = useRegionLink();
  if (groups.length === 0) return <RegionSummary overall={overall} shareLabel={shareLabel} />;
  const level = groups[0]!.level === 'city' ? 'city' : 'province';
  const title = t(`league.groups.${level}`);
  const noPlan = overall.noPlan > 0;
  return (
    <section className="region-groups" aria-labelledby="region-groups-title">
      <h2 id="region-groups-title">{title}</h2>
      <div className="table-wrap">
        <table className="table league groups" aria-labelledby="region-groups-title">
          <thead>
            <tr>
              <th scope="col">{t('league.col.region')}</th>
              <th scope="col" className="num">
                {t('league.col.districts')}
              </th>
              <th scope="col" className="num">
                {t('league.col.reported')}
              </th>
              <th scope="col" className="num">
                {t('league.col.unreported')}
              </th>
              {noPlan && (
                <th scope="col" className="num">
                  {t('league.col.noPlan')}
                </th>
              )}
              <th scope="col" className="num">
                {shareLabel}
              </th>
              <th scope="col">{t('league.col.counts')}</th>
              <th scope="col" className="num">
                {t('league.col.warnings')}
              </th>
              <th scope="col" className="num">
                {t('league.col.completeness')}
              </th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <GroupRow key={g.code} group={g} noPlan={noPlan} shareLabel={shareLabel}>
                <Link
                  to={link({ level, code: g.code })}
                  title={t('league.openRegion', { name: g.name })}
                >
                  {g.name}
                </Link>
                <span className="muted small block">{g.code}</span>
              </GroupRow>
            ))}
          </tbody>
          <tfoot>
            <GroupRow group={overall} noPlan={noPlan} shareLabel={shareLabel}>
              {t('league.overall')}
            </GroupRow>
          </tfoot>
        </table>
      </div>
      <p className="muted small">{t('league.groups.note')}</p>
    </section>
  );
}

function GroupRow({
  group: g,
  noPlan,
  shareLabel,
  children,
}: {
  group: RegionRow;
  noPlan: boolean;
  shareLabel: string;
  children: ReactNode;
}) {
  return (
    <tr>
      <th scope="row">{children}</th>
      <td className="num">{g.districts}</td>
      <td className="num">{g.reported}</td>
      <td className={`num${g.unreported > 0 ? ' stale' : ''}`}>{g.unreported}</td>
      {noPlan && <td className="num">{g.noPlan}</td>}
      <td className="num share">
        <strong>{pct(g.shareOnTrack)}</strong>
        {g.shareOnTrack !== null && (
          <ProgressBar value={g.shareOnTrack} label={`${shareLabel} ${pct(g.shareOnTrack)}`} />
        )}
      </td>
      <td>
        <StatusMinis counts={g.byStatus} phases={g.phases} />
      </td>
      <td className={`num${g.bindingWarnings > 0 ? ' bad' : ''}`}>{g.bindingWarnings}</td>
      <td className="num">{pct(g.completeness?.share)}</td>
    </tr>
  );
}

/** A city's roll-up: its districts, how many reported, the share on track, warnings, completeness. */
function RegionSummary({ overall: o, shareLabel }: { overall: RegionRow; shareLabel: string }) {
  const { t } = useI18n();
  return (
    <p className="region-summary">
      <strong>
        {t('league.summary', {
          name: o.name,
          districts: o.districts,
          reported: o.reported,
          unreported: o.unreported,
        })}
        {o.noPlan > 0 && t('league.summaryNoPlan', { count: o.noPlan })}
      </strong>
      <span>
        {shareLabel} <strong>{pct(o.shareOnTrack)}</strong>
      </span>
      <span className={o.bindingWarnings > 0 ? 'bad' : undefined}>
        {t('league.col.warnings')} <strong>{o.bindingWarnings}</strong>
      </span>
      <span>
        {t('league.col.completeness')} <strong>{pct(o.completeness?.share)}</strong>
      </span>
    </p>
  );
}
