import { type Language, useI18n } from '../i18n/I18nProvider';

const CHOICES: { language: Language; label: string; testId: string }[] = [
  { language: 'zh-CN', label: '中文', testId: 'lang-zh' },
  { language: 'en', label: 'EN', testId: 'lang-en' },
];

export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <fieldset className="segmented">
      <legend className="visually-hidden">{t('header.language')}</legend>
      {CHOICES.map((choice) => (
        <button
          key={choice.language}
          type="button"
          lang={choice.language}
          aria-pressed={language === choice.language}
          className={language === choice.language ? 'active' : ''}
          onClick={() => setLanguage(choice.language)}
          data-testid={choice.testId}
        >
          {choice.label}
        </button>
      ))}
    </fieldset>
  );
}
