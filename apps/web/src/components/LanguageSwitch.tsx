import { useI18n } from '../i18n';

export function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n();
  return (
    <button
      type="button"
      className="lang"
      aria-label={t('lang.switchLabel')}
      onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}
    >
      {t('lang.switch')}
    </button>
  );
}
