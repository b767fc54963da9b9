import { Outlet, Route, Routes, useLocation } from 'react-router';
import { FeatureConsent } from './auth/FeatureConsent.js';
import { AppErrorBoundary } from './errors/AppErrorBoundary.js';
import { AreaScreen } from './screens/AreaScreen.js';
import { AckCampaignsScreen, ActionScreen, CampaignReportScreen, DocumentRegisterScreen, DocumentScreen, HomeScreen, MyAcknowledgementsScreen, MyActionsScreen, CompetenceScreen, NewDocumentScreen, NewRecordScreen, RecordScreen, RegisterListScreen, RegistersIndexScreen, ReleaseReportScreen } from './screens/lazyScreens.js';
import { NotFoundScreen } from './screens/NotFoundScreen.js';
import { AREA_PATHS } from './shell/areas.js';
import { LazyTabRoutes } from './tabs/LazyTabRoutes.js';

const PLACEHOLDER_AREAS = ['reviews', 'audits', 'compliance'] as const;

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
        <Route path={AREA_PATHS.acknowledgements} element={<FeatureConsent feature="acknowledgements"><Outlet /></FeatureConsent>}>
          {/* "My acknowledgements"; `?release=<id>` opens that request (Teams deep links, src/platform/paths.ts). */}
          <Route index element={<MyAcknowledgementsScreen />} />
          {/* Campaigns and compliance reports (document controllers and SMS managers; the screens say so to others). */}
          <Route path="campaigns" element={<AckCampaignsScreen />} />
          <Route path="campaigns/:campaignId" element={<CampaignReportScreen />} />
          <Route path="releases/:releaseId" element={<ReleaseReportScreen />} />
        </Route>
        <Route path={AREA_PATHS.registers} element={<FeatureConsent feature="registers"><Outlet /></FeatureConsent>}>
          {/* The registers; `/registers/<register>/<item id>` is one record (Teams deep links `rec:<register>:<id>`, src/platform/paths.ts). */}
          <Route index element={<RegistersIndexScreen />} />
          <Route path="competence" element={<CompetenceScreen />} />
          <Route path=":register" element={<RegisterListScreen />} />
          <Route path=":register/new" element={<NewRecordScreen />} />
          <Route path=":register/:itemId" element={<RecordScreen />} />
        </Route>
        <Route path={AREA_PATHS.actions} element={<FeatureConsent feature="actions"><Outlet /></FeatureConsent>}>
          {/* "My actions"; `/actions/<ref>` is one action (Teams deep links `act:<ref>`, src/platform/paths.ts). */}
          <Route index element={<MyActionsScreen />} />
          <Route path=":ref" element={<ActionScreen />} />
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
