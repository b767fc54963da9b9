import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Route, Routes, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AppErrorBoundary } from '../src/app/errors/AppErrorBoundary.js';
import { parseWebPartProperties, type WebPartProperty } from './properties.js';
import { WEB_PARTS, webPartById, type WebPartDefinition } from './registry.js';
import { WebPartFrame } from './WebPartFrame.js';
import { FeatureConsent } from '../src/app/auth/FeatureConsent.js';

/** The web parts below `/webparts/`, each a thin host of one feature (webparts/README.md). */
export function WebPartRoutes() {
  const location = useLocation();
  return (
    <AppErrorBoundary key={location.pathname}>
      <Routes>
        <Route path="/webparts/:webPartId" element={<WebPartPage />} />
        <Route path="*" element={<UnknownWebPart />} />
      </Routes>
    </AppErrorBoundary>
  );
}

function WebPartPage() {
  const { webPartId } = useParams();
  const definition = webPartById(webPartId);
  return definition ? <WebPart definition={definition} /> : <UnknownWebPart />;
}

function WebPart({ definition }: { definition: WebPartDefinition }) {
  const { t } = useTranslation();
  const location = useLocation();
  const properties = parseWebPartProperties(definition.properties, location.search);
  return (
    <WebPartFrame title={t(definition.titleKey)}>
      {properties.status === 'ok' ? (
        <FeatureConsent feature={definition.feature}>{definition.render(properties.values)}</FeatureConsent>
      ) : (
        <NotSetUp problems={[...properties.missing, ...properties.invalid]} />
      )}
    </WebPartFrame>
  );
}

const HINT_KEYS = { doc: 'webparts.property.docHint', register: 'webparts.property.registerHint', campaign: 'webparts.property.campaignHint' } as const;

function NotSetUp({ problems }: { problems: readonly WebPartProperty[] }) {
  const { t } = useTranslation();
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('webparts.notSetUp')}</MessageBarTitle>
        {problems.map((p) => t(HINT_KEYS[p.name])).join(' ')}
      </MessageBarBody>
    </MessageBar>
  );
}

function UnknownWebPart() {
  const { t } = useTranslation();
  const names = WEB_PARTS.map((w) => `${t(w.titleKey)} (/webparts/${w.id})`).join(t('role.listSeparator'));
  return (
    <WebPartFrame title={t('webparts.unknown.title')}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{t('webparts.unknown.body', { list: names })}</MessageBarBody>
      </MessageBar>
    </WebPartFrame>
  );
}
