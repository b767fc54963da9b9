/**
 * The Documents area. `DocumentRegister` takes its Graph client, site id and roles as props, so
 * the SharePoint web part renders it too; `DocumentRegisterScreen` is the app's `/documents` screen,
 * `NewDocument` its `/documents/new` and `DocumentScreen` its `/documents/:docId`. The app loads
 * this module on demand (src/app/screens/lazyScreens.ts), so the area is one chunk of its own.
 */
export { DocumentRegister } from './screens/DocumentRegister/DocumentRegister.js';
export type { DocumentRegisterProps } from './screens/DocumentRegister/DocumentRegister.types.js';
export { DocumentRegisterScreen, documentPath } from './screens/DocumentRegister/DocumentRegisterScreen.js';
export { DocumentScreen } from './screens/DocumentScreen/DocumentScreen.js';
export { NewDocument } from './screens/NewDocument/NewDocument.js';
export type { RegisterRow } from './services/registerQuery.js';
export type { SaveFile, SavedFile } from '../../ui/export/saveFile.js';
