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

const acknowledgements = () => import('../../features/acknowledgements/index.js');
export const MyAcknowledgementsScreen = lazyScreen(() => acknowledgements().then((m) => m.MyAcknowledgementsScreen));
/** "My acknowledgements" without its heading: the first part of the personal tab "My SMS". */
export const MyAcknowledgements = lazyScreen(() => acknowledgements().then((m) => m.MyAcknowledgements));
export const AckCampaignsScreen = lazyScreen(() => acknowledgements().then((m) => m.Campaigns));
export const CampaignReportScreen = lazyScreen(() => acknowledgements().then((m) => m.CampaignReportScreen));
export const ReleaseReportScreen = lazyScreen(() => acknowledgements().then((m) => m.ReleaseReportScreen));

const actions = () => import('../../features/actions/index.js');
export const MyActionsScreen = lazyScreen(() => actions().then((m) => m.MyActionsScreen));
export const ActionScreen = lazyScreen(() => actions().then((m) => m.ActionScreen));
/** "My actions" without its screen heading: the second part of the personal tab "My SMS". */
export const MyActions = lazyScreen(() => actions().then((m) => m.MyActions));

const registers = () => import('../../features/registers/index.js');
export const RegistersIndexScreen = lazyScreen(() => registers().then((m) => m.RegistersIndex));
export const RegisterListScreen = lazyScreen(() => registers().then((m) => m.RegisterListScreen));
export const NewRecordScreen = lazyScreen(() => registers().then((m) => m.NewRecord));
export const RecordScreen = lazyScreen(() => registers().then((m) => m.RecordScreen));
export const CompetenceScreen = lazyScreen(() => registers().then((m) => m.Competence));
/** One register (list, filters, "Load more"): the channel tab's register view. */
export const RegisterView = lazyScreen(() => registers().then((m) => m.RegisterView));
