import type { ReactNode } from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Navigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../shell/Loading.js';
import { parseSubPageId, pathForTarget } from './subPageId.js';
import { TabHostLine } from './TabHostLine.js';
import type { TabHostContext } from './teamsSdk.js';
import { useTabContext } from './useTabContext.js';

/**
 * Sub-page ids Teams gave this page load that were already followed. Teams keeps `page.subPageId`
 * for the life of the tab's frame, so a later visit to the same tab must not jump again.
 */
const followed = new Set<string>();

/**
 * A static tab's page (`/tab/my`, `/tab/home`): reads the host context, and when Teams (or the
 * `sub` parameter) names a document, record or action, goes straight to it (replacing the tab's
 * address in history, so Back does not bounce). An id that is not ours is reported above the tab.
 */
export function StaticTabPage({ pageId, children }: { pageId: string; children: (context: TabHostContext) => ReactNode }) {
  const { t } = useTranslation();
  const state = useTabContext(pageId);
  if (state.status === 'loading') return <Loading label={t('tabs.loading')} />;
  const { context } = state;
  const sub = parseSubPageId(context.subPageId);
  const key = `${context.pageId}|${context.subPageId}`;
  if (sub.status === 'ok' && !(context.source === 'teams' && followed.has(key))) {
    if (context.source === 'teams') followed.add(key);
    return <Navigate to={pathForTarget(sub.target)} replace />;
  }
  return (
    <>
      {sub.status === 'invalid' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('tabs.sub.invalidTitle')}</MessageBarTitle>
            {t('tabs.sub.invalidBody', { sub: sub.raw })}
          </MessageBarBody>
        </MessageBar>
      )}
      {children(context)}
      <TabHostLine context={context} />
    </>
  );
}
