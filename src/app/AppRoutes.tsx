import { Route, Routes, useLocation } from 'react-router';
import { HomeScreen } from '../features/home/screens/HomeScreen.js';
import { AppErrorBoundary } from './errors/AppErrorBoundary.js';
import { AreaScreen } from './screens/AreaScreen.js';
import { NotFoundScreen } from './screens/NotFoundScreen.js';
import { AREA_PATHS } from './shell/areas.js';

const PLACEHOLDER_AREAS = ['documents', 'acknowledgements', 'registers', 'actions', 'reviews', 'audits', 'compliance'] as const;

/** The screens of a signed-in user. Each screen has its own error boundary, reset on navigation. */
export function AppRoutes() {
  const location = useLocation();
  return (
    <AppErrorBoundary key={location.pathname}>
      <Routes>
        <Route index element={<HomeScreen />} />
        {PLACEHOLDER_AREAS.map((area) => (
          <Route key={area} path={AREA_PATHS[area]} element={<AreaScreen area={area} />} />
        ))}
        <Route path="*" element={<NotFoundScreen />} />
      </Routes>
    </AppErrorBoundary>
  );
}
