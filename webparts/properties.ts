import { parseDocId } from '../src/domain/documents/numbering.js';
import { CHANNEL_REGISTERS } from '../src/app/tabs/channelTab.js';

/**
 * Web part properties. A SharePoint Framework web part would get them from its property pane;
 * these hosts get them from the query string (`/webparts/register-view?register=nonconformities`),
 * which is also how the emulator opens them. Pure: no React.
 */
export interface WebPartProperty {
  /** Query parameter name. */
  readonly name: 'doc' | 'register' | 'campaign';
  /** `'oneOf'`: this property or another `'oneOf'` property of the web part must be given (e.g. `doc` or `campaign`). */
  readonly required: boolean | 'oneOf';
  /** The value to use, or null when it is not one this property accepts. */
  parse(raw: string): string | null;
}

/** `doc`: a controlled document's id, e.g. `SMS-POL-001`. */
export const documentProperty: WebPartProperty = {
  name: 'doc',
  required: true,
  parse: (raw) => (parseDocId(raw) ? raw : null),
};

/** `doc` or `campaign`: a controlled document's id, when the web part takes either. */
export const documentOrCampaignProperty: WebPartProperty = { ...documentProperty, required: 'oneOf' };

/** `campaign`: an acknowledgement campaign's item id (`Acknowledgement Campaigns`), e.g. `4`. */
export const campaignProperty: WebPartProperty = {
  name: 'campaign',
  required: 'oneOf',
  parse: (raw) => (/^[1-9]\d{0,9}$/.test(raw) ? raw : null),
};

/** `register`: a register list's schema key, e.g. `nonconformities` (graph/schema). */
export const registerProperty: WebPartProperty = {
  name: 'register',
  required: true,
  parse: (raw) => (CHANNEL_REGISTERS.includes(raw) ? raw : null),
};

export type PropertyParse =
  | { readonly status: 'ok'; readonly values: Readonly<Record<string, string>> }
  /** Properties that are required but absent, or present but not valid. */
  | { readonly status: 'invalid'; readonly missing: readonly WebPartProperty[]; readonly invalid: readonly WebPartProperty[] };

/** Reads a web part's properties from a query string (surrounding spaces ignored). */
export function parseWebPartProperties(properties: readonly WebPartProperty[], search: string): PropertyParse {
  const params = new URLSearchParams(search);
  const values: Record<string, string> = {};
  const missing: WebPartProperty[] = [];
  const invalid: WebPartProperty[] = [];
  for (const property of properties) {
    const raw = params.get(property.name)?.trim() ?? '';
    if (raw === '') {
      if (property.required === true) missing.push(property);
      continue;
    }
    const value = property.parse(raw);
    if (value === null) invalid.push(property);
    else values[property.name] = value;
  }
  const oneOf = properties.filter((p) => p.required === 'oneOf');
  if (oneOf.length > 0 && !oneOf.some((p) => values[p.name] !== undefined || invalid.includes(p))) missing.push(...oneOf);
  return missing.length + invalid.length === 0 ? { status: 'ok', values } : { status: 'invalid', missing, invalid };
}
