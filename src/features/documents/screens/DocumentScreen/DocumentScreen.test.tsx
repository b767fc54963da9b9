import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../../../../../tests/support/appHarness.js';
import { markdownFile, people, sessionFor, startDocumentsHarness, type DocumentsHarness, type Fields } from '../../../../../tests/support/documentsHarness.js';
import { buildDocumentMetadata } from '../../../../../tests/support/factories.js';
import { createDocument, decideApproval, loadDocument, startRevision, submitForReview, uploadDraft, type DocumentServices } from '../../services/index.js';

/**
 * A document's page against the emulator (msw, in process): the approval dialog (changes need a
 * comment; the author cannot approve), approving publishes 1.0, concurrent metadata edits (412 →
 * reload and reapply keeps the user's input), and a reader who never sees a draft.
 */
let h: DocumentsHarness;
let priya: DocumentServices;
let raj: DocumentServices;

beforeAll(async () => {
  h = await startDocumentsHarness();
  priya = await h.servicesFor(people.priya);
  raj = await h.servicesFor(people.raj);
}, 60_000);
afterEach(() => cleanup());
afterAll(() => h.close());

const procedure = (title: string) => buildDocumentMetadata({ title });

async function submitted(title: string, text: string): Promise<string> {
  const { docId } = await createDocument(priya, { metadata: procedure(title), file: markdownFile('doc.md', text) });
  await submitForReview(priya, docId);
  return docId;
}

async function approvalsOf(docId: string): Promise<Fields[]> {
  const snap = await loadDocument(priya, docId);
  return h.listFields('Document Approvals', `$filter=fields/DocumentVersionLookupId eq ${snap.draftRelease?.itemId ?? 0}`);
}

async function openDocument(docId: string, name: string, upn: string) {
  renderApp({ path: `/documents/${docId}`, session: await sessionFor(name, upn) });
  return screen.findByRole('heading', { level: 1, name: new RegExp(`^${docId} `) }, { timeout: 5000 });
}

describe('approval dialog', () => {
  it('refuses "request changes" without a comment, then returns the document to Draft with it', async () => {
    const docId = await submitted('Capacity Procedure', '# Capacity\n\nMonthly review.\n');
    const u = userEvent.setup();
    await openDocument(docId, 'Raj Patel', people.raj);
    await u.click(await screen.findByRole('button', { name: 'Review and decide' }));
    const dialog = await screen.findByRole('dialog');
    await u.click(within(dialog).getByRole('radio', { name: 'Request changes' }));
    await u.click(within(dialog).getByRole('button', { name: 'Record decision' }));
    expect(await within(dialog).findByText('Say what needs to change: a comment is required.')).toBeTruthy();
    expect((await approvalsOf(docId))[0]).toMatchObject({ Decision: 'Pending' });

    await u.type(within(dialog).getByRole('textbox', { name: /^Comment/ }), 'Add the escalation thresholds.');
    await u.click(within(dialog).getByRole('button', { name: 'Record decision' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await approvalsOf(docId))[0]).toMatchObject({ Decision: 'Changes requested', Comment: 'Add the escalation thresholds.' });
    expect((await loadDocument(priya, docId)).state.status).toBe('Draft');
    // The decision is recorded: nothing is left for Raj to decide.
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Review and decide' })).toBeNull());
  });

  it('does not let the author approve their own version', async () => {
    const docId = await submitted('Availability Procedure', '# Availability\n\nTargets per service.\n');
    // A record naming the author as approver (as if someone edited the list by hand).
    const approval = (await loadDocument(priya, docId)).approvals.find((a) => a.step === 'Approval')!;
    const patched = await h.raw(people.tom, `/sites/${h.siteId}/lists/Document Approvals/items/${approval.itemId}/fields`, {
      method: 'PATCH',
      headers: { 'if-match': approval.eTag },
      body: JSON.stringify({ AssigneeLookupId: priya.mePerson.lookupId }),
    });
    expect(patched.status).toBe(200);

    const u = userEvent.setup();
    await openDocument(docId, 'Priya Nair', people.priya);
    await u.click(await screen.findByRole('button', { name: 'Review and decide' }));
    const dialog = await screen.findByRole('dialog');
    expect((within(dialog).getByRole('radio', { name: 'Approve' }) as HTMLInputElement).disabled).toBe(true);
    expect(within(dialog).getByText('You wrote this version, so you cannot approve it (segregation of duties).')).toBeTruthy();
    // The service refuses it too (the rules are in src/domain), and nothing is recorded.
    await expect(decideApproval(priya, docId, approval.itemId, 'Approved', null)).rejects.toMatchObject({ refusal: { reason: 'segregationOfDuties' } });
    expect((await approvalsOf(docId)).find((a) => a.Step === 'Approval')).toMatchObject({ Decision: 'Pending' });
  });

  it('publishes version 1.0 when the approver approves', async () => {
    const docId = await submitted('Continuity Test Procedure', '# Continuity tests\n\nTwice a year.\n');
    const u = userEvent.setup();
    await openDocument(docId, 'Raj Patel', people.raj);
    await u.click(await screen.findByRole('button', { name: 'Review and decide' }));
    const dialog = await screen.findByRole('dialog');
    await u.click(within(dialog).getByRole('radio', { name: 'Approve' }));
    await u.click(within(dialog).getByRole('button', { name: 'Record decision' }));
    expect(await screen.findByText('Published version 1.0', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Review and decide' })).toBeNull();
  });
});

describe('concurrent metadata edits', () => {
  it('answers a conflict with "reload and reapply", keeping the user’s input on top of the other change', async () => {
    const { docId } = await createDocument(priya, { metadata: procedure('Supplier Procedure'), file: markdownFile('s.md', '# Suppliers\n') });
    const u = userEvent.setup();
    await openDocument(docId, 'Priya Nair', people.priya);
    await u.click(await screen.findByRole('button', { name: 'Edit details' }));
    const dialog = await screen.findByRole('dialog');
    const title = within(dialog).getByRole('textbox', { name: /^Title/ });
    await u.clear(title);
    await u.type(title, 'Supplier Management Procedure');

    // Meanwhile Tom changes the change summary.
    const snap = await loadDocument(priya, docId);
    const other = await h.raw(people.tom, `/sites/${h.siteId}/lists/SMS Documents/items/${snap.listItemId}/fields`, {
      method: 'PATCH',
      headers: { 'if-match': snap.eTag },
      body: JSON.stringify({ ChangeSummary: 'First issue, with the supplier tiers.' }),
    });
    expect(other.status).toBe(200);

    await u.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Changed by someone else')).toBeTruthy();
    expect((within(dialog).getByRole('textbox', { name: /^Title/ }) as HTMLInputElement).value).toBe('Supplier Management Procedure');

    await u.click(within(dialog).getByRole('button', { name: 'Reload and reapply' }));
    expect(await within(dialog).findByText(/your changes are applied to the latest version/)).toBeTruthy();
    expect((within(dialog).getByRole('textbox', { name: /^Title/ }) as HTMLInputElement).value).toBe('Supplier Management Procedure');
    expect((within(dialog).getByRole('textbox', { name: /^Change summary/ }) as HTMLTextAreaElement).value).toBe('First issue, with the supplier tiers.');

    await u.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const after = await loadDocument(priya, docId);
    expect(after.state).toMatchObject({ title: 'Supplier Management Procedure', changeSummary: 'First issue, with the supplier tiers.' });
  });
});

describe('throttled saves', () => {
  it('keeps the user’s input when Microsoft 365 is busy, and saves it on "Try again"', async () => {
    const { docId } = await createDocument(priya, { metadata: procedure('Budgeting Procedure'), file: markdownFile('b.md', '# Budget\n') });
    const u = userEvent.setup();
    await openDocument(docId, 'Priya Nair', people.priya);
    await u.click(await screen.findByRole('button', { name: 'Edit details' }));
    const dialog = await screen.findByRole('dialog');
    const title = within(dialog).getByRole('textbox', { name: /^Title/ });
    await u.clear(title);
    await u.type(title, 'Budgeting and Accounting Procedure');

    h.emulator.emu.faults.update({ force429Count: 50, retryAfterSeconds: 0 });
    await u.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Microsoft 365 is busy')).toBeTruthy();
    expect((within(dialog).getByRole('textbox', { name: /^Title/ }) as HTMLInputElement).value).toBe('Budgeting and Accounting Procedure');
    h.emulator.emu.faults.update({ force429Count: 0 });

    await u.click(within(dialog).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await loadDocument(priya, docId)).state.title).toBe('Budgeting and Accounting Procedure');
  });
});

describe('what a reader sees', () => {
  it('shows Jack the published 1.0 and never the 1.1 draft in progress', async () => {
    const docId = await submitted('Event Procedure', '# Events\n\nVersion one text.\n');
    const snap = await loadDocument(raj, docId);
    await decideApproval(raj, docId, snap.approvals[0]!.itemId, 'Approved', null);
    await startRevision(priya, docId, 'minor', { changeSummary: 'Adds the event categories.', file: markdownFile('doc.md', '# Events\n\nDraft one point one text.\n') });

    await openDocument(docId, 'Jack Turner', people.jack);
    expect(await screen.findByText('Published version 1.0')).toBeTruthy();
    expect(await screen.findByText('Version one text.')).toBeTruthy();
    expect(screen.queryByText(/Draft one point one/)).toBeNull();
    expect(screen.queryByText(/draft 1\.1/)).toBeNull();
    expect(screen.queryByText('Adds the event categories.')).toBeNull();
    const history = await screen.findByRole('table', { name: `Version history of ${docId}` });
    const rows = within(history).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(['1.0 (current)']);
    expect(screen.queryByRole('group', { name: 'Document actions' })).toBeNull();

    // Priya, who edits it, sees the draft.
    cleanup();
    await openDocument(docId, 'Priya Nair', people.priya);
    expect(await screen.findByText(/draft 1\.1 in progress/)).toBeTruthy();
    expect(await screen.findByText('Draft one point one text.')).toBeTruthy();
  });
});

/** The text of the elements an element's aria-describedby points at (what a screen reader reads after its name). */
function describedBy(el: HTMLElement): string {
  const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('version history and drafts', () => {
  it('names each "restore" button after its version, labels the compared fields, and ties the draft file input to its label and problem', async () => {
    const { docId } = await createDocument(priya, { metadata: procedure('Change Procedure'), file: markdownFile('c.md', '# Change\n\nFirst text.\n') });
    await uploadDraft(priya, docId, { changeSummary: 'Adds emergency changes.', file: markdownFile('c.md', '# Change\n\nSecond text.\n') });
    await uploadDraft(priya, docId, { changeSummary: 'Adds standard changes.', file: markdownFile('c.md', '# Change\n\nThird text.\n') });
    const u = userEvent.setup();
    await openDocument(docId, 'Priya Nair', people.priya);

    // One restore button per earlier version, each with a name of its own.
    const history = await screen.findByRole('table', { name: `Version history of ${docId}` });
    const rows = within(history).getAllByRole('row').slice(1);
    const earlier = rows.filter((r) => !/\(current\)/.test(within(r).getAllByRole('cell')[0]!.textContent ?? ''));
    expect(earlier.length).toBeGreaterThan(1);
    for (const row of earlier) {
      // Named after the document version and, to tell its revisions apart, the revision.
      const [version, revision] = within(row).getAllByRole('cell').map((c) => c.textContent);
      expect(version).toMatch(/^[\d.]+$/);
      expect(within(row).getByRole('button', { name: `Restore version ${version!}, revision ${revision!} as a new draft` })).toBeTruthy();
    }
    const names = screen.getAllByRole('button', { name: /^Restore version .* as a new draft$/ }).map((b) => b.getAttribute('aria-label'));
    expect(new Set(names).size).toBe(earlier.length);

    // The comparison names the fields as the form does, not by their SharePoint column names.
    const compare = await screen.findByRole('table', { name: /^Metadata that differs between versions/ });
    const fieldNames = within(compare)
      .getAllByRole('row')
      .slice(1)
      .map((r) => within(r).getAllByRole('cell')[0]!.textContent);
    expect(fieldNames).toContain('Change summary');
    expect(fieldNames).not.toContain('ChangeSummary');

    // "Upload new draft" without a file: the file input has its label and is described by the problem.
    await u.click(screen.getByRole('button', { name: 'Upload new draft' }));
    const dialog = await screen.findByRole('dialog');
    await u.type(within(dialog).getByRole('textbox', { name: /^Change summary/ }), 'Adds normal changes.');
    await u.click(within(dialog).getByRole('button', { name: 'Upload draft' }));
    expect(await within(dialog).findByText('Choose the file to upload.')).toBeTruthy();
    const input = within(dialog).getByLabelText(/^New draft file/);
    expect(input.getAttribute('type')).toBe('file');
    expect(describedBy(input)).toContain('Choose the file to upload.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });
});
