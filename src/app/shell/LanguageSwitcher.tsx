import { Label, Select, useId } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../i18n/i18n.js';
import { useShellStyles } from './Shell.styles.js';

/** Switches the UI language for this visit (nothing is stored; the next visit starts from Teams or the browser). */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const styles = useShellStyles();
  const id = useId('language');
  const current = (LANGUAGES as readonly string[]).includes(i18n.resolvedLanguage ?? '') ? (i18n.resolvedLanguage as Language) : 'en';
  return (
    <div className={styles.languageField}>
      <Label htmlFor={id}>{t('language.label')}</Label>
      <Select id={id} value={current} onChange={(_, data) => void i18n.changeLanguage(data.value)}>
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {t(`language.${lng}`)}
          </option>
        ))}
      </Select>
    </div>
  );
}
