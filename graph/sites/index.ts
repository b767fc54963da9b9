/** graph/sites: SharePoint sites by URL, id or owning group. */
export { getSiteByUrl, getSite, getGroupSite, sitePathFromUrl } from './sites.js';
