/**
 * The Registers area (issue 12; design contract REG.md): the SMS registers as configuration
 * (services/catalog.ts) over the register engine (src/platform/registers) and their rules
 * (src/domain/registers). The app loads this module on demand (src/app/screens/lazyScreens.ts), so
 * the area is one chunk of its own.
 *
 * - `RegistersIndex`: `/registers` (every register with its clauses, a link to each);
 * - `RegisterListScreen`: `/registers/:register` (filters in the address, search, sort, "Load more");
 * - `NewRecord`: `/registers/:register/new`;
 * - `RecordScreen`: `/registers/:register/:itemId` (fields, status and transitions, edit, actions slot, history);
 * - `Competence`: `/registers/competence` (the competence view);
 * - `RegisterView`: the "Register view" web part's component.
 */
export { RegistersIndex } from './screens/RegistersIndex/RegistersIndex.js';
export { RegisterListScreen } from './screens/RegisterList/RegisterListScreen.js';
export { NewRecord } from './screens/RecordForm/NewRecord.js';
export { RecordScreen } from './screens/Record/RecordScreen.js';
export { Competence } from './screens/Competence/Competence.js';
export { RegisterView, type RegisterViewProps } from './components/RegisterView.js';
