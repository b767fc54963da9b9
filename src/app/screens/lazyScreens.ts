import { lazyScreen } from '../shell/lazyScreen.js';

/**
 * The app's screens, each area downloaded when first shown (src/app/shell/lazyScreen.tsx): the
 * first load is the sign-in page; Home and the Documents area (with zod, and the viewer's marked
 * and DOMPurify further on demand) follow as chunks of their own.
 */
export const HomeScreen = lazyScreen(() => import('../../features/home/screens/HomeScreen/HomeScreen.js').then((m) => m.HomeScreen));

const documents = () => import('../../features/documents/index.js');
export const DocumentRegisterScreen = lazyScreen(() => documents().then((m) => m.DocumentRegisterScreen));
export const NewDocumentScreen = lazyScreen(() => documents().then((m) => m.NewDocument));
export const DocumentScreen = lazyScreen(() => documents().then((m) => m.DocumentScreen));
