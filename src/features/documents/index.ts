/**
 * The Documents area. `DocumentRegister` takes its Graph client, site id and roles as props, so
 * the SharePoint web part renders it too; `DocumentRegisterScreen` is the app's `/documents` screen.
 */
export { DocumentRegister } from './register/DocumentRegister.js';
export type { DocumentRegisterProps } from './register/DocumentRegister.types.js';
export { DocumentRegisterScreen, documentPath } from './register/DocumentRegisterScreen.js';
export type { RegisterRow } from './register/registerQuery.js';
export type { SaveFile, SavedFile } from './export/saveFile.js';
