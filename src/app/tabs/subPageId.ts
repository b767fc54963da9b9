import { parseDocId } from '../../domain/documents/numbering.js';
import { actions, SMS_LISTS } from '../../../graph/schema/index.js';
import { pathFor, subPageIdOf, type PageTarget } from '../../platform/paths.js';
import { isUnfilled } from './placeholders.js';

export { isUnfilled };

/**
 * Sub-page ids: what a Teams deep link (`pages.navigateToApp({ subPageId })`, an activity feed
 * notification, a copied link) asks a tab to open. Teams hands the id back to the tab as
 * `app.Context.page.subPageId` and, through the manifest's `{page.subPageId}` placeholder, as the
 * `sub` query parameter. Four kinds, each one readable token:
 *
 * | Kind            | Format                      | Example                  | In-app path                     |
 * |-----------------|-----------------------------|--------------------------|---------------------------------|
 * | document        | `doc:<DocId>`               | `doc:SMS-POL-001`        | `/documents/SMS-POL-001`        |
 * | record          | `rec:<register key>:<item>` | `rec:nonconformities:12` | `/registers/nonconformities/12` |
 * | action          | `act:<action reference>`    | `act:ACT-0142`           | `/actions/ACT-0142`             |
 * | acknowledgement | `ack:<release item id>`     | `ack:12`                 | `/acknowledgements?release=12`  |
 *
 * The register key is the schema key of a register list (`graph/schema`, kind `register`, except
 * Actions, which have their own `act:` form); the item is its SharePoint list item id (a positive
 * whole number). An acknowledgement names the release (its item id in `Document Releases`) whose
 * request of the signed-in person to open: Teams activity notifications about acknowledgements carry
 * it. Pure: no React, no I/O.
 */
export type SubPageTarget = PageTarget;

export type SubPageParse =
  /** No sub-page (absent, empty, or a placeholder Teams did not fill). */
  | { readonly status: 'none' }
  /** Something that is not a sub-page id of this app. */
  | { readonly status: 'invalid'; readonly raw: string }
  | { readonly status: 'ok'; readonly target: SubPageTarget };

/** Teams caps deep-link URLs; no id of ours comes near this, so anything longer is not one. */
const MAX_LENGTH = 200;

/** Register lists a `rec:` id may name (schema kind `register`, Actions excepted). */
export const RECORD_REGISTERS: readonly string[] = SMS_LISTS.filter((l) => l.kind === 'register' && l.key !== actions.key).map((l) => l.key);

const ACTION_REF = new RegExp(`^${actions.refPrefix ?? 'ACT'}-\\d{${actions.refFormat?.digits ?? 4},}$`);
const ITEM_ID = /^[1-9]\d{0,9}$/;

/** `doc:SMS-POL-001`, `rec:nonconformities:12`, `act:ACT-0142`, `ack:12`. Throws for a target that would not parse back. */
export function formatSubPageId(target: SubPageTarget): string {
  const id = subPageIdOf(target);
  const back = parseSubPageId(id);
  if (back.status !== 'ok') throw new RangeError(`Not a valid sub-page target: ${JSON.stringify(target)}`);
  return id;
}

/** Reads a sub-page id (see the table above). Surrounding spaces are ignored; everything else is exact. */
export function parseSubPageId(raw: string | null | undefined): SubPageParse {
  if (raw == null || isUnfilled(raw)) return { status: 'none' };
  const value = raw.trim();
  const invalid = { status: 'invalid', raw: value } as const;
  if (value.length > MAX_LENGTH) return invalid;
  const colon = value.indexOf(':');
  if (colon < 0) return invalid;
  const kind = value.slice(0, colon);
  const rest = value.slice(colon + 1);
  switch (kind) {
    case 'doc': {
      const parsed = parseDocId(rest);
      return parsed ? { status: 'ok', target: { kind: 'document', docId: rest } } : invalid;
    }
    case 'rec': {
      const parts = rest.split(':');
      if (parts.length !== 2) return invalid;
      const [register = '', item = ''] = parts;
      if (!RECORD_REGISTERS.includes(register) || !ITEM_ID.test(item)) return invalid;
      return { status: 'ok', target: { kind: 'record', register, itemId: Number(item) } };
    }
    case 'act':
      return ACTION_REF.test(rest) ? { status: 'ok', target: { kind: 'action', actionRef: rest } } : invalid;
    case 'ack':
      return ITEM_ID.test(rest) ? { status: 'ok', target: { kind: 'acknowledgement', releaseId: Number(rest) } } : invalid;
    default:
      return invalid;
  }
}

/** The app's route for a target: the area's path, then the target's own segments (`src/platform/paths.ts`). */
export const pathForTarget = (target: SubPageTarget): string => pathFor(target);
