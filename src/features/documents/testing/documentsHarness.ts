/**
 * Test support for the document lifecycle (not a test file): an in-process emulator behind msw
 * (`startHarness`), the SMS site provisioned by `graph/provisioning` as Tom (the SMS manager), and
 * the lifecycle services for any demo user. Everything goes over (mocked) HTTP, as the app does.
 */
import { createHash } from 'node:crypto';
import { getSiteByUrl } from '../../../../graph/sites/sites.js';
import { provision } from '../../../../graph/provisioning/engine.js';
import { upnOf } from '../../../../emulator/seed/tenant.js';
import { DEMO_SMS_SITE_URL } from '../../../app/config.js';
import { ORIGIN, startHarness, type Harness } from '../../../app/testing/appHarness.js';
import { loadDocumentServices, type Clock, type DocumentServices } from '../services/index.js';
import type { AfterPublishHandler } from '../services/publish.js';

export const people = {
  tom: upnOf({ given: 'Tom', surname: 'Whitaker' }),
  priya: upnOf({ given: 'Priya', surname: 'Nair' }),
  raj: upnOf({ given: 'Raj', surname: 'Patel' }),
  eleanor: upnOf({ given: 'Eleanor', surname: 'Marsh' }),
  marcus: upnOf({ given: 'Marcus', surname: 'Chen' }),
  fiona: upnOf({ given: 'Fiona', surname: 'McAllister' }),
  jack: upnOf({ given: 'Jack', surname: 'Turner' }),
} as const;

export interface DocumentsHarness extends Harness {
  siteId: string;
  siteWebUrl: string;
  servicesFor(upn: string, opts?: { afterPublish?: readonly AfterPublishHandler[]; clock?: Clock }): Promise<DocumentServices>;
  /** Raw Graph call as `upn` through the mocked network (independent of graph/). */
  raw(upn: string, path: string, init?: RequestInit): Promise<Response>;
}

/**
 * jsdom has no layout: `offsetParent` is always null and the body measures 0×0, so Fluent's
 * focus management (tabster) finds nothing focusable in an open dialog, focuses the dialog itself
 * and then hides it from assistive technology (`aria-hidden`), which no browser does. These two
 * shims give tabster the answers a browser would (an element is visible unless display:none).
 */
function installLayoutShims(): void {
  if (typeof HTMLElement === 'undefined' || typeof document === 'undefined') return;
  Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
    configurable: true,
    get(this: HTMLElement) {
      if (!this.isConnected) return null;
      if (getComputedStyle(this).display === 'none') return null;
      for (let el = this.parentElement; el; el = el.parentElement) {
        if (getComputedStyle(el).display === 'none') return null;
      }
      return this.parentElement;
    },
  });
  const body = document.body;
  const viewport = { x: 0, y: 0, top: 0, left: 0, width: 1280, height: 900, right: 1280, bottom: 900 };
  body.getBoundingClientRect = () => ({ ...viewport, toJSON: () => viewport }) as DOMRect;
}

/** Starts the emulator behind msw and provisions the SMS site (and the DOM shims above). */
export async function startDocumentsHarness(): Promise<DocumentsHarness> {
  installLayoutShims();
  const harness = await startHarness();
  const tom = harness.clientAs(people.tom);
  const site = await getSiteByUrl(tom, DEMO_SMS_SITE_URL);
  await provision({ client: tom, siteId: site.id!, groupName: 'Kestrel SMS', target: 'emulator', emulatorOrigin: ORIGIN, log: () => undefined });
  return {
    ...harness,
    siteId: site.id!,
    siteWebUrl: site.webUrl ?? DEMO_SMS_SITE_URL,
    servicesFor: (upn, opts = {}) =>
      loadDocumentServices(harness.clientAs(upn), site.id!, site.webUrl ?? DEMO_SMS_SITE_URL, upn, { afterPublish: opts.afterPublish ?? [], ...(opts.clock ? { clock: opts.clock } : {}) }),
    async raw(upn, path, init = {}) {
      const token = (await harness.emulator.emu.tokens.issue(upn, ['Sites.ReadWrite.All', 'Files.ReadWrite.All'])).access_token;
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${token}`);
      if (typeof init.body === 'string' && !headers.has('content-type')) headers.set('content-type', 'application/json');
      return fetch(path.startsWith('http') ? path : `${ORIGIN}/v1.0${path}`, { ...init, headers });
    },
  };
}

/** SHA-256 hex with Node's crypto (independent of the Web Crypto code under test). */
export const nodeSha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A small Markdown document. */
export function markdownFile(name: string, text: string): { name: string; bytes: Uint8Array } {
  return { name, bytes: new TextEncoder().encode(text) };
}

/** A clock fixed `days` before (negative) or after today, for documents with a history. */
export function clockShiftedBy(days: number): Clock {
  const at = () => new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    now: () => at().toISOString(),
    today: () => {
      const d = at();
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    },
  };
}
