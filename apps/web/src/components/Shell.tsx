import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useI18n } from '../i18n';
import { navFor, roleLabel, useMe, type Me, type NavItem } from '../lib/auth';
import { useDistrictCode, useDistricts } from '../lib/district';
import { usePeriod } from '../lib/period';
import { useTRPC } from '../lib/trpc';
import { LanguageSwitch } from './LanguageSwitch';
import { ErrorState, Loading } from './states';

/** The signed-in frame: header, navigation by role, and the page. Signed-out visitors go to sign in. */
export function Shell() {
  const { t, locale } = useI18n();
  const location = useLocation();
  const me = useMe();
  if (me.isPending) return <Loading />;
  // A failed refresh keeps the frame of whoever is signed in; the page says what failed.
  if (me.isError && !me.data)
    return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {locale === 'en' ? 'Skip to content' : '跳到正文'}
      </a>
      <header className="header">
        <div className="brand">
          <span className="brand-title">{t('app.title')}</span>
          <span className="brand-subtitle">{t('app.subtitle')}</span>
        </div>
        <DistrictSwitcher />
        <UserMenu me={me.data} />
        <LanguageSwitch />
      </header>
      <Navigation me={me.data} />
      <main id="main" className="main">
        <Outlet />
      </main>
    </div>
  );
}

function Navigation({ me }: { me: Me }) {
  const { t } = useI18n();
  // Outside a district's pages (the home, the league) a user of one district keeps its links.
  const only = me.districts !== 'all' && me.districts.length === 1 ? me.districts[0] : undefined;
  const code = useDistrictCode() ?? only;
  const { link } = usePeriod();
  // The league compares districts within a period: it opens at the one being looked at.
  const to = (item: NavItem) =>
    item.district
      ? link(`/d/${code}${item.path}`)
      : item.key === 'nav.districts'
        ? link(item.path)
        : item.path;
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      {navFor(me.role)
        .filter((item) => !item.district || code)
        .map((item) => (
          <NavLink key={item.key} to={to(item)} end>
            {t(item.key)}
          </NavLink>
        ))}
    </nav>
  );
}

function UserMenu({ me }: { me: Me }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      onSettled: () => {
        queryClient.clear();
        navigate('/sign-in', { replace: true });
      },
    }),
  );
  return (
    <div className="user-menu">
      <span className="user-name">
        {t('auth.signedInAs', { name: me.displayName, role: t(roleLabel(me.role)) })}
      </span>
      <Link className="lang" to="/account/password">
        {t('password.title')}
      </Link>
      <button
        type="button"
        className="lang"
        onClick={() => signOut.mutate()}
        disabled={signOut.isPending}
      >
        {t('auth.signOut')}
      </button>
    </div>
  );
}

function DistrictSwitcher() {
  const { t } = useI18n();
  const current = useDistrictCode();
  const navigate = useNavigate();
  const location = useLocation();
  const districts = useDistricts();
  const { link } = usePeriod();
  const section = current ? location.pathname.slice(`/d/${current}`.length) : '';
  return (
    <label className="switcher">
      <span className="visually-hidden">{t('district.switcher')}</span>
      <select
        value={current ?? ''}
        disabled={!districts.data || districts.data.length === 0}
        onChange={(e) => navigate(link(`/d/${e.target.value}${section}`))}
      >
        {!current && <option value="">{t('district.none')}</option>}
        {districts.data?.map((d) => (
          <option key={d.code} value={d.code}>
            {d.name} · {d.city}
          </option>
        ))}
      </select>
    </label>
  );
}
