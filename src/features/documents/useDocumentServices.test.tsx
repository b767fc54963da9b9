import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { setSiteTimeZone } from '../../../emulator/services/siteStore.js';
import { CONFIG, renderApp } from '../../../tests/support/appHarness.js';
import { markdownFile, people, sessionFor, startDocumentsHarness, type DocumentsHarness } from '../../../tests/support/documentsHarness.js';
import { buildDocumentMetadata } from '../../../tests/support/factories.js';
import { createDocument, type DocumentServices } from './services/index.js';

/**
 * The document page reads date-only columns in the site's time zone from the runtime config
 * (`siteTimeZone`), which `useDocumentServices` hands to the services: on a site in Pacific/Auckland
 * (UTC+13 in December) 25 December is stored as 2026-12-24T11:00:00Z and still shows as 2026-12-25.
 */
let h: DocumentsHarness;
let priya: DocumentServices;

beforeAll(async () => {
  h = await startDocumentsHarness();
  priya = await h.servicesFor(people.priya);
}, 60_000);
afterEach(() => cleanup());
afterAll(() => h.close());

describe('document page on a site in Pacific/Auckland', () => {
  it('shows the effective and next review dates as they were written', async () => {
    setSiteTimeZone(h.emulator.emu.db, h.siteId, 'Pacific/Auckland');
    const { docId, listItemId } = await createDocument(priya, { metadata: buildDocumentMetadata({ title: 'Holiday Cover Procedure' }), file: markdownFile('cover.md', '# Cover\n') });
    const res = await h.raw(people.priya, `/sites/${h.siteId}/lists/SMS Documents/items/${listItemId}/fields`, { method: 'PATCH', body: JSON.stringify({ EffectiveDate: '2026-12-25', NextReviewDate: '2027-12-25' }) });
    expect(await res.json()).toMatchObject({ EffectiveDate: '2026-12-24T11:00:00Z', NextReviewDate: '2027-12-24T11:00:00Z' });

    renderApp({ path: `/documents/${docId}`, session: await sessionFor('Priya Nair', people.priya), config: { ...CONFIG, siteTimeZone: 'Pacific/Auckland' } });
    const effective = await screen.findByText('Effective date', { selector: 'dt' }, { timeout: 5000 });
    expect(effective.nextElementSibling?.textContent).toBe('2026-12-25');
    expect(screen.getByText('Next review', { selector: 'dt' }).nextElementSibling?.textContent).toBe('2027-12-25');
  });
});
