import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppProviders } from '../../../../app/App.js';
import { createI18n } from '../../../../app/i18n/i18n.js';
import { createDraft, markdownFile, people, useDocumentsHarness } from '../../../../../tests/support/documentsHarness.js';
import { compareVersions, loadDocument, loadVersionHistory, updateMetadata, uploadDraft } from '../../services/index.js';
import { CompareVersions } from './VersionHistory.js';

/**
 * Comparing two versions' metadata against the emulator (msw, in process) when a version names someone who has
 * never opened the SMS site: the person column is empty for them, the UPN column names them (ADR 0005).
 */
const bed = useDocumentsHarness();
afterEach(() => cleanup());

describe('comparing versions that name someone who has never opened the site', () => {
  it('shows a change of approver from Raj to Eleanor, who never opened the site, as Eleanor by name, not as nobody', async () => {
    const { h, priya } = bed;
    const docId = await createDraft(priya, { title: 'Supplier Management Procedure', approverIds: [people.raj] });
    const created = await loadDocument(priya, docId);
    // The version as created, naming Raj (a site user) as approver.
    const asCreated = (await loadVersionHistory(priya, created))[0]!.id;
    await updateMetadata(priya, created, { approverIds: [people.eleanor], reviewerIds: [people.raj, people.eleanor] }, created.eTag);
    await uploadDraft(priya, docId, { changeSummary: 'Adds supplier reviews.', file: markdownFile('document.md', '# Supplier Management Procedure\n\nReviews.\n') });

    const siteUsers = await h.listFields('User Information List', '$top=500');
    expect(siteUsers.map((f) => String(f.UserName ?? f.EMail).toLowerCase())).not.toContain(people.eleanor);
    const [library] = await h.listFields('SMS Documents', `$filter=fields/DocId eq '${docId}'`);
    expect(library).toMatchObject({ ApproverUPN: people.eleanor });
    expect(library!.ApproverLookupId).toBeUndefined();

    const versions = await loadVersionHistory(priya, await loadDocument(priya, docId));
    const first = versions.find((v) => v.id === asCreated)!;
    const last = versions[0]!;
    const differences = compareVersions(first, last, priya.people);
    expect(differences.find((d) => d.field === 'ApproverUPN')).toEqual({ field: 'ApproverUPN', left: [people.raj], right: [people.eleanor] });

    render(
      <AppProviders host={null} i18n={createI18n('en')}>
        <CompareVersions services={priya} versions={versions} groupName={(id) => id} />
      </AppProviders>,
    );
    await userEvent.setup().selectOptions(screen.getByRole('combobox', { name: 'Compare version' }), first.id);
    const table = screen.getByRole('table', { name: `Metadata that differs between versions ${first.id} and ${last.id}` });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    expect(rows).toContainEqual(['Approver', 'Raj Patel', 'Eleanor Marsh']);
    expect(rows.find((r) => r[0] === 'Reviewers')?.[2]).toContain('Eleanor Marsh');
  });
});
