import { Outlet, Route, Routes, useLocation } from 'react-router';
import { FeatureConsent } from './auth/FeatureConsent.js';
import { AppErrorBoundary } from './errors/AppErrorBoundary.js';
import { AreaScreen } from './screens/AreaScreen.js';
import { DocumentRegisterScreen, DocumentScreen, HomeScreen, NewDocumentScreen } from './screens/lazyScreens.js';
import { NotFoundScreen } from './screens/NotFoundScreen.js';
import { AREA_PATHS } from './shell/areas.js';
import { LazyTabRoutes } from './tabs/LazyTabRoutes.js';

const PLACEHOLDER_AREAS = ['acknowledgements', 'registers', 'actions', 'reviews', 'audits', 'compliance'] as const;

/**
 * The screens of a signed-in user. Each screen has its own error boundary, reset on navigation,
 * and (except the small placeholders) is downloaded when first opened, showing Loading meanwhile.
 */
export function AppRoutes() {
  const location = useLocation();
  return (
    <AppErrorBoundary key={location.pathname}>
      <Routes>
        <Route index element={<HomeScreen />} />
        {/* Each area asks for its own scopes when first opened (incremental consent, auth/FeatureConsent.tsx). */}
        <Route path={AREA_PATHS.documents} element={<FeatureConsent feature="documents"><Outlet /></FeatureConsent>}>
          <Route index element={<DocumentRegisterScreen />} />
          <Route path="new" element={<NewDocumentScreen />} />
          <Route path=":docId" element={<DocumentScreen />} />
        </Route>
        {PLACEHOLDER_AREAS.map((area) => (
          // `/*`: deep links to a record or action (src/app/tabs/subPageId.ts) land on the area too.
          <Route key={area} path={`${AREA_PATHS[area]}/*`} element={<FeatureConsent feature={area}><AreaScreen area={area} /></FeatureConsent>} />
        ))}
        <Route path="/tab/*" element={<LazyTabRoutes />} />
        <Route path="*" element={<NotFoundScreen />} />
      </Routes>
    </AppErrorBoundary>
  );
}
