import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { inferOutput } from '@trpc/tanstack-react-query';
import { Link, useSearchParams } from 'react-router';
import { StatusBadge } from '../../components/StatusBadge';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useI18n } from '../../i18n';
import { rememberedDistrict, useDistricts } from '../../lib/district';
import { PERIOD_PARAM, withPeriod, yearParam } from '../../lib/period';
import { useTRPC } from '../../lib/trpc';
import { KindText } from '../evaluation/kind';
import './home.css';

type Home = inferOutput<ReturnType<typeof useTRPC>['home']['tasks']>;
type DistrictTasks = Home['districts'][number];
type TaskFigure = DistrictTasks['returned'][number];
type Warning = Home['warnings'][number];

/** How many items a card lists; its link opens the page with all of them. */
const SHOWN = 6;
/** Warnings are what a leader reads first: more of them are listed. */
const SHOWN_WARNINGS = 20;

/**
 * Each role's tasks (工作台): what to fill in, review or look at first, each linking to its page;
 * of the reporting year's plan and year unless the URL names others.
 */
export function HomePage() {
  const { t } = useI18n();
  const trpc = useTRPC();
  // Another period or year may be asked for in the URL (/?period=2026-2030&year=2027).
  const [params] = useSearchParams();
  const period = params.get(PERIOD_PARAM) || undefined;
  const year = yearParam(params);
  const tasks = useQuery(trpc.home.tasks.queryOptions({ period, year }));
  if (tasks.isPending) return <Loading />;
  if (tasks.isError) return <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} />;
  const home = tasks.data;
  return (
    <div className="home-page">
      <h1>{t('home.title')}</h1>
      {home.period && home.year !== null ? (
        <p className="intro">{t('home.intro', { plan: home.period.label, year: home.year })}</p>
      ) : (
        <p className="intro">{t('home.noPlan')}</p>
      )}
      {home.period && home.year !== null && <Tasks home={home} />}
      <QuickLinks home={home} />
    </div>
  );
}

/** Links of the plan and year the home is about. */
function paths(home: Home) {
  const period = home.period?.period;
  return {
    entry: (code: string, year: number) => withPeriod(`/d/${code}/entry?year=${year}`, period),
    round: (code: string, id: number) => withPeriod(`/d/${code}/evaluation?round=${id}`, period),
    indicator: (code: string, seq: number) =>
      withPeriod(`/d/${code}/indicators/${seq}?year=${home.year}`, period),
    scorecard: (code: string) => withPeriod(`/d/${code}`, period),
    page: (code: string, page: 'entry' | 'evaluation') => withPeriod(`/d/${code}/${page}`, period),
  };
}

function Tasks({ home }: { home: Home }) {
  const { t } = useI18n();
  const year = home.year!;
  const several = home.scope > 1;
  const groups = home.districts.map((d) => (
    <section key={d.code} className="home-district" aria-label={d.name}>
      {several && <h2 className="home-district-name">{d.name}</h2>}
      <div className="home-cards">
        <DistrictCards home={home} d={d} />
      </div>
    </section>
  ));
  const warnings = home.warnings.length > 0 && <WarningsCard home={home} />;
  if (groups.length === 0 && !warnings)
    return (
      <EmptyState title={t('home.empty.title')}>
        {t(`home.empty.${home.role}`, { year })}
      </EmptyState>
    );
  return (
    <>
      {warnings}
      {groups}
    </>
  );
}

function DistrictCards({ home, d }: { home: Home; d: DistrictTasks }) {
  const { t } = useI18n();
  const to = paths(home);
  const year = home.year!;
  const firstYear = (list: TaskFigure[]) => list[0]?.year ?? year;
  return (
    <>
      {d.returned.length > 0 && (
        <TaskCard
          kind="returned"
          title={t('home.returned.title')}
          count={d.returned.length}
          body={t('home.returned.body')}
          more={{ to: to.entry(d.code, firstYear(d.returned)), label: t('home.open.entry') }}
        >
          {d.returned.map((f) => (
            <FigureItem key={f.id} f={f} to={to.entry(d.code, f.year)}>
              <span className="home-reason">
                {f.reason
                  ? t('home.returned.reason', { reason: f.reason })
                  : t('home.returned.noReason')}
              </span>
            </FigureItem>
          ))}
        </TaskCard>
      )}
      {d.missing.cells.length > 0 && (
        <TaskCard
          kind="missing"
          title={t('home.missing.title', { year })}
          count={d.missing.cells.length}
          body={t('home.missing.body', {
            year,
            total: d.missing.total,
            count: d.missing.cells.length,
          })}
          more={{ to: to.entry(d.code, year), label: t('home.open.entry') }}
        >
          {d.missing.cells.map((c) => (
            <li key={`${c.seq}:${c.kind}`}>
              <Link to={to.entry(d.code, year)}>
                {c.seq}. {c.name}
              </Link>
              <span className="muted">
                {' · '}
                {t(c.kind === 'assigned_target' ? 'home.assigned' : 'home.actual')}
              </span>
            </li>
          ))}
        </TaskCard>
      )}
      {d.drafts.length > 0 && (
        <TaskCard
          kind="drafts"
          title={t('home.drafts.title')}
          count={d.drafts.length}
          body={t('home.drafts.body')}
          more={{ to: to.entry(d.code, firstYear(d.drafts)), label: t('home.open.entry') }}
        >
          {d.drafts.map((f) => (
            <FigureItem key={f.id} f={f} to={to.entry(d.code, f.year)} />
          ))}
        </TaskCard>
      )}
      {d.submitted.length > 0 && (
        <TaskCard
          kind="submitted"
          title={t('home.submitted.title')}
          count={d.submitted.length}
          body={t('home.submitted.body')}
          more={{ to: to.entry(d.code, firstYear(d.submitted)), label: t('home.open.review') }}
        >
          {d.submitted.map((f) => (
            <FigureItem key={f.id} f={f} to={to.entry(d.code, f.year)}>
              <span className="muted">{t('home.by', { by: f.by })}</span>
            </FigureItem>
          ))}
        </TaskCard>
      )}
      {d.rounds.length > 0 && (
        <TaskCard
          kind="rounds"
          title={t('home.rounds.title')}
          count={d.rounds.length}
          body={t('home.rounds.body')}
        >
          {d.rounds.map((r) => (
            <li key={r.id}>
              <Link to={to.round(d.code, r.id)}>
                {t('home.year', { year: r.year })} <KindText kind={r.kind} />
              </Link>
              <span className="muted"> · {t('home.rounds.openedBy', { by: r.openedBy })}</span>
            </li>
          ))}
        </TaskCard>
      )}
    </>
  );
}

function FigureItem({ f, to, children }: { f: TaskFigure; to: string; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <li>
      <Link to={to}>
        {f.seq}. {f.name}
      </Link>
      <span className="muted">
        {' · '}
        {t('home.year', { year: f.year })}
        {f.kind === 'assigned_target' && ` · ${t('home.assigned')}`}
      </span>
      {children && <div className="home-item-note">{children}</div>}
    </li>
  );
}

/** A card of one kind of task: its count, what it is, the first items and a link to the rest. */
function TaskCard({
  kind,
  title,
  count,
  body,
  more,
  shown = SHOWN,
  children,
}: {
  kind: string;
  title: string;
  count: number;
  body: string;
  more?: { to: string; label: string };
  shown?: number;
  children: ReactNode[];
}) {
  const { t } = useI18n();
  const id = `home-${kind}-${title}`.replace(/\s+/g, '-');
  return (
    <section className={`card home-card home-${kind}`} aria-labelledby={id}>
      <h2 id={id}>
        {title}
        <span className="home-count">{t('home.count', { count })}</span>
      </h2>
      <p className="muted home-card-body">{body}</p>
      <ul className="plain-list home-list">{children.slice(0, shown)}</ul>
      {count > shown && (
        <p className="muted home-hidden">{t('home.hidden', { count: count - shown })}</p>
      )}
      {more && (
        <p className="home-more">
          <Link to={more.to}>{more.label} →</Link>
        </p>
      )}
    </section>
  );
}

function WarningsCard({ home }: { home: Home }) {
  const { t } = useI18n();
  const admin = home.role === 'admin';
  const several = home.scope > 1;
  const to = paths(home);
  return (
    <TaskCard
      kind="warnings"
      title={t(admin ? 'home.leadless.title' : 'home.warnings.title')}
      count={home.warnings.length}
      body={t(admin ? 'home.leadless.body' : 'home.warnings.body', { year: home.year! })}
      shown={SHOWN_WARNINGS}
      more={
        several
          ? { to: withPeriod('/districts', home.period?.period), label: t('home.links.districts') }
          : home.only
            ? {
                to: to.scorecard(home.only.code),
                label: t('home.links.scorecard', { name: home.only.name }),
              }
            : undefined
      }
    >
      {home.warnings.map((w) => (
        <WarningItem
          key={`${w.district}:${w.seq}`}
          w={w}
          to={to.indicator(w.district, w.seq)}
          several={several}
        />
      ))}
    </TaskCard>
  );
}

function WarningItem({ w, to, several }: { w: Warning; to: string; several: boolean }) {
  const { t, locale } = useI18n();
  return (
    <li className="home-warning">
      <div className="home-warning-head">
        <Link to={to}>
          {several && `${w.districtName} · `}
          {w.seq}. {w.name}
        </Link>
        <StatusBadge status={w.status} phase={w.phase} />
      </div>
      <div className="home-item-note">
        {locale === 'en' ? w.reason.en : w.reason.zh}
        {w.leadDepartment && (
          <span className="muted"> · {t('home.lead', { name: w.leadDepartment })}</span>
        )}
      </div>
    </li>
  );
}

/** Where to go next: the only district's pages, else the league. */
function QuickLinks({ home }: { home: Home }) {
  const { t } = useI18n();
  const to = paths(home);
  const only = home.only;
  // With several districts, the one opened last (the district switcher's list has its name).
  const districts = useDistricts();
  const code = rememberedDistrict();
  const last = only ? undefined : districts.data?.find((d) => d.code === code);
  return (
    <nav className="card home-links" aria-labelledby="home-links-title">
      <h2 id="home-links-title">{t('home.links.title')}</h2>
      <ul className="home-link-list">
        {only && (
          <li>
            <Link to={to.scorecard(only.code)}>
              {t('home.links.scorecard', { name: only.name })}
            </Link>
          </li>
        )}
        {only && (home.role === 'official' || home.role === 'reviewer') && (
          <li>
            <Link to={to.page(only.code, 'entry')}>
              {t('home.links.entry', { name: only.name })}
            </Link>
          </li>
        )}
        {only && home.role === 'reviewer' && (
          <li>
            <Link to={to.page(only.code, 'evaluation')}>
              {t('home.links.evaluation', { name: only.name })}
            </Link>
          </li>
        )}
        {last && (
          <li>
            <Link to={to.scorecard(last.code)}>{t('home.links.last', { name: last.name })}</Link>
          </li>
        )}
        <li>
          <Link to={withPeriod('/districts', home.period?.period)}>
            {t('home.links.districts')}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
