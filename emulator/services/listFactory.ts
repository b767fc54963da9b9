import type { Emu } from '../emu.js';
import { guid } from '../core/ids.js';
import { insertList, insertColumn, type ListRow, type ListSettings, type ColumnRecord } from './lists.js';
import type { SiteRow } from './siteStore.js';

/**
 * Creates a list or library with the columns SharePoint gives every new list of that template.
 * Used by `POST /sites/{id}/lists` and by site creation (the default "Documents" library).
 */
export interface NewList {
  displayName: string;
  /** URL name; defaults to the display name without characters SharePoint drops from URLs. */
  name?: string;
  description?: string;
  template: string;
  hidden?: boolean;
  settings?: ListSettings;
  columns?: ColumnRecord[];
}

export const urlNameOf = (displayName: string): string => displayName.replace(/[^A-Za-z0-9 _-]/g, '').replace(/\s+/g, ' ').trim();

export function builtInColumns(template: string): ColumnRecord[] {
  const title: ColumnRecord = {
    id: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247',
    name: 'Title',
    displayName: 'Title',
    columnGroup: 'Custom Columns',
    description: '',
    enforceUniqueValues: false,
    hidden: false,
    indexed: false,
    readOnly: false,
    required: template !== 'documentLibrary',
    text: { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: 255 },
  };
  if (template !== 'documentLibrary') return [title];
  const fileLeafRef: ColumnRecord = {
    id: '8553196d-ec8d-4564-9861-3dbe931050c8',
    name: 'FileLeafRef',
    displayName: 'Name',
    columnGroup: 'Base Columns',
    description: '',
    enforceUniqueValues: false,
    hidden: false,
    indexed: false,
    readOnly: false,
    required: true,
    text: { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: 255 },
  };
  return [fileLeafRef, title];
}

export function createListIn(emu: Emu, site: SiteRow, input: NewList): ListRow {
  const at = emu.now().toISOString();
  const id = guid();
  const name = input.name ?? urlNameOf(input.displayName);
  const webPath = input.template === 'documentLibrary' ? name : `Lists/${name.replace(/\s+/g, '')}`;
  const row = insertList(
    emu.db,
    {
      id,
      siteId: site.id,
      name,
      displayName: input.displayName,
      template: input.template,
      settings: input.settings ?? {},
      list: {
        id,
        name,
        displayName: input.displayName,
        description: input.description ?? '',
        webUrl: `${site.site.webUrl}/${encodeURI(webPath)}`,
        createdDateTime: at,
        lastModifiedDateTime: at,
        eTag: `"${id},0"`,
        list: { contentTypesEnabled: false, hidden: input.hidden ?? false, template: input.template },
        parentReference: { siteId: site.id },
      },
    },
    at,
  );
  const seen = new Set<string>();
  for (const col of [...builtInColumns(input.template), ...(input.columns ?? [])]) {
    if (seen.has(col.name.toLowerCase())) continue;
    seen.add(col.name.toLowerCase());
    insertColumn(emu.db, id, col);
  }
  return row;
}
