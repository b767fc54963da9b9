import { Route, Routes } from 'react-router';
import { NotFoundScreen } from '../screens/NotFoundScreen.js';
import { ChannelTab } from './ChannelTab.js';
import { ConfigTab } from './ConfigTab.js';
import { HomeTab } from './HomeTab.js';
import { MyTab } from './MyTab.js';

/**
 * The Teams tab pages below `/tab/` (manifest/README.md, "URL contract"): the static tabs `my` and
 * `home`, the configurable tab's configuration page and its content page.
 */
export function TabRoutes() {
  return (
    <Routes>
      <Route path="my" element={<MyTab />} />
      <Route path="home" element={<HomeTab />} />
      <Route path="config" element={<ConfigTab />} />
      <Route path="channel" element={<ChannelTab />} />
      <Route path="*" element={<NotFoundScreen />} />
    </Routes>
  );
}
