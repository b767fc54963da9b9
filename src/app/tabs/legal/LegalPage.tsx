import { Body1, Link } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ScreenHeading } from '../../shell/ScreenHeading.js';

export type LegalPageKind = 'privacy' | 'terms';

const PARAGRAPHS = {
  privacy: ['tabs.privacy.data', 'tabs.privacy.storage', 'tabs.privacy.tokens', 'tabs.privacy.contact'],
  terms: ['tabs.terms.purpose', 'tabs.terms.permissions', 'tabs.terms.warranty', 'tabs.terms.own'],
} as const;

/**
 * The privacy statement and terms of use the Teams manifest links to (`developer.privacyUrl`,
 * `developer.termsOfUseUrl`). Public: they are read before anyone installs or signs in.
 */
export function LegalPage({ kind }: { kind: LegalPageKind }) {
  const { t } = useTranslation();
  const other: LegalPageKind = kind === 'privacy' ? 'terms' : 'privacy';
  return (
    <>
      <ScreenHeading>{t(kind === 'privacy' ? 'tabs.privacy.heading' : 'tabs.terms.heading')}</ScreenHeading>
      {PARAGRAPHS[kind].map((key) => (
        <Body1 as="p" key={key}>
          {t(key)}
        </Body1>
      ))}
      <Link href={`/${other}`}>{t(other === 'privacy' ? 'tabs.privacy.heading' : 'tabs.terms.heading')}</Link>
    </>
  );
}
