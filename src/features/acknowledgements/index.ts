/**
 * The Acknowledgements area (issue 11; design in docs/decisions, ADR 0007). The app loads this module
 * on demand (src/app/screens/lazyScreens.ts), so the area is one chunk of its own.
 *
 * Employee side:
 * - `MyAcknowledgementsScreen`: the app's `/acknowledgements` ("My acknowledgements"; `?release=<id>`
 *   opens the request for that release, as Teams deep links do); `MyAcknowledgements` is its content
 *   without the heading, for the personal tab and the "My acknowledgements" web part.
 * - `DocumentAcknowledgementPanel`: fills the document page's `documentAcknowledgement` slot (src/ui/slots.tsx).
 *
 * Controller / SMS manager side:
 * - `Campaigns`: `/acknowledgements/campaigns` (the campaigns, "Start a campaign");
 * - `CampaignReportScreen`: `/acknowledgements/campaigns/:campaignId`, `ReleaseReportScreen`:
 *   `/acknowledgements/releases/:releaseId` (compliance reports; `?status=` filters the table);
 * - `AckStatusHome`: fills Home's `homeAcknowledgementCompliance` slot; `AckStatusWebPart`: the
 *   "Acknowledgement status" web part (`doc` or `campaign`).
 */
export { MyAcknowledgements, MyAcknowledgementsScreen } from './screens/MyAcknowledgements/MyAcknowledgements.js';
export { DocumentAcknowledgementPanel } from './components/DocumentAcknowledgementPanel.js';
export { Campaigns } from './screens/Campaigns/Campaigns.js';
export { CampaignReportScreen, ReleaseReportScreen } from './screens/Report/ReportScreen.js';
export { Report } from './screens/Report/Report.js';
export { AckStatusHome } from './components/AckStatusHome.js';
export { AckStatusWebPart } from './components/AckStatusWebPart.js';
