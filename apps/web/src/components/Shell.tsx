import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useI18n } from '../i18n';
import { useDistrictCode, useDistricts } from '../lib/district';

const sections = [
  { path: '', key: 'nav.overview' },
  { path: '/entry', key: 'nav.entry' },
  { path: '/evaluation', key: 'nav.evaluation' },
] as const;

export function Shell() {
  const { t, locale, setLocale } = useI18n();
  const code = useDistrictCode();
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
        <DistrictSwitcher current={code} />
        <button
          type="button"
          className="lang"
          aria-label={t('lang.switchLabel')}
          lang={locale === 'en' ? 'zh-CN' : 'en'}
          onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}
        >
          {t('lang.switch')}
        </button>
      </header>
      <nav className="nav" aria-label={t('nav.label')}>
        {code &&
          sections.map((s) => (
            <NavLink key={s.key} to={`/d/${code}${s.path}`} end>
              {t(s.key)}
            </NavLink>
          ))}
        <NavLink to="/districts" end>
          {t('nav.districts')}
        </NavLink>
      </nav>
      <main id="main" className="main">
        <Outlet />
      </main>
    </div>
  );
}

function DistrictSwitcher({ current }: { current: string | undefined }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const districts = useDistricts();
  const section = current ? location.pathname.slice(`/d/${current}`.length) : '';
  return (
    <label className="switcher">
      <span className="visually-hidden">{t('district.switcher')}</span>
      <select
        value={current ?? ''}
        disabled={!districts.data || districts.data.length === 0}
        onChange={(e) => navigate(`/d/${e.target.value}${section}`)}
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
