import type { Emu } from '../emu.js';
import type { SiteRow } from './siteStore.js';
import { createListIn } from './listFactory.js';

/** What SharePoint makes with every new site: the default document library "Documents" (URL `Shared Documents`). */
export function onSiteCreated(emu: Emu, site: SiteRow): void {
  createListIn(emu, site, {
    displayName: 'Documents',
    name: 'Shared Documents',
    description: '',
    template: 'documentLibrary',
    settings: { enableMinorVersions: false },
  });
}
