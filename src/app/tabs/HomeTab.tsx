import { HomeScreen } from '../screens/lazyScreens.js';
import { StaticTabPage } from './TabPage.js';

/** `/tab/home`: the personal static tab "SMS" (manifest entityId `home`), which shows the SMS home. */
export function HomeTab() {
  return <StaticTabPage pageId="home">{() => <HomeScreen />}</StaticTabPage>;
}
