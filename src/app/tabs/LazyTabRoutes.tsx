import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../shell/Loading.js';

const TabRoutes = lazy(() => import('./TabRoutes.js').then((m) => ({ default: m.TabRoutes })));

/** The tab pages, downloaded when a tab address is first opened (mounted at `/tab/*` by AppRoutes). */
export function LazyTabRoutes() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<Loading label={t('common.loading')} />}>
      <TabRoutes />
    </Suspense>
  );
}
