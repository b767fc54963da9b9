import { describe, expect, it } from 'vitest';
import { DEMO_USERS, groupIdOf, upnOf } from '../../../../emulator/seed/tenant.js';
import { createDraft, markdownFile, people, submitAndApprove, useDocumentsHarness, type Fields } from '../../../../tests/support/documentsHarness.js';
import { catchUpPublications } from '../../../platform/acknowledgements/index.js';
import { systemClock } from '../../../platform/clock.js';
import { loadDocument, requestAcknowledgementsAfterPublish, type AfterPublishHandler, type DocumentServices } from '../services/index.js';
import { publishDocument } from './publishDocument.js';
import { withdrawDocument } from './withdrawDocument.js';

/**
 * The documents area hands every publication to the acknowledgement engine (`AFTER_PUBLISH_HANDLERS`): a
 * publication of a document that requires acknowledgement starts its campaign and asks every member of the audience
 * group (nested groups resolved), once, however often the publication is retried; a withdrawal cancels the open
 * requests. Against the emulator (msw, in process).
 */
const bed = useDocumentsHarness();

const requestsOf = (docId: string): Promise<Fields[]> => bed.h.listFields('Acknowledgement Requests', `$filter=fields/DocId eq '${docId}'&$top=500`);
const campaignsOf = (docId: string): Promise<Fields[]> => bed.h.listFields('Acknowledgement Campaigns', `$filter=fields/DocId eq '${docId}'`);

/** A draft requiring acknowledgement by `audience`, submitted and approved by Raj but kept for a later effective date (Approved, not published). */
async function approvedAckDocument(title: string, audience: string): Promise<string> {
  const { h, priya, raj } = bed;
  const docId = await createDraft(priya, { title, ackRequired: true, ackAudience: [audience], ackDueDays: 14 }, markdownFile('policy.md', `# ${title}\n`));
  const item = await loadDocument(priya, docId);
  const planned = await h.raw(people.priya, `/sites/${h.siteId}/lists/SMS Documents/items/${item.listItemId}/fields`, {
    method: 'PATCH',
    headers: { 'if-match': item.eTag },
    body: JSON.stringify({ EffectiveDate: '2099-01-01' }),
  });
  expect(planned.status).toBe(200);
  const decided = await submitAndApprove(priya, raj, docId);
  expect(decided.published).toBeNull();
  return docId;
}

describe('publication of a document that requires acknowledgement', () => {
  it('starts the campaign and asks every member of the group (nested groups too), once, also when the publication is retried', async () => {
    const { h } = bed;
    // SMS-AllStaff has every demo user, and the nested Kestrel-ServiceDesk group, whose people are counted once.
    const docId = await approvedAckDocument('Acceptable Use Policy', groupIdOf('SMS-AllStaff'));
    let calls = 0;
    // The campaign is written, then the answer is lost: the publication fails and is retried.
    const lostAnswer: AfterPublishHandler = async (s, published) => {
      await requestAcknowledgementsAfterPublish(s, published);
      if (++calls === 1) throw new Error('The answer was lost');
    };
    const controller: DocumentServices = await h.servicesFor(people.priya, { afterPublish: [lostAnswer] });
    await expect(publishDocument(controller, docId)).rejects.toThrow('The answer was lost');
    const published = await publishDocument(controller, docId);
    expect(published).toMatchObject({ versionLabel: '1.0', resumed: true });
    expect(calls).toBe(2);

    const campaigns = await campaignsOf(docId);
    expect(campaigns).toHaveLength(1);
    expect(campaigns[0]).toMatchObject({ CampaignStatus: 'Open', Trigger: 'Publication', StartKey: `publication:${published.release.itemId}`, VersionLabel: '1.0', Targeted: DEMO_USERS.length });
    const requests = await requestsOf(docId);
    expect(requests.map((r) => r.UserUPN).sort()).toEqual(DEMO_USERS.map(upnOf).sort());
    expect(requests.every((r) => r.RequestStatus === 'Pending' && r.DocumentVersionId === Number(published.release.itemId))).toBe(true);
    expect(String(requests[0]!.DueDate).slice(0, 10)).toBe(published.ack.dueDate);
  });

  it('a withdrawal cancels the open requests and the campaign', async () => {
    const { h } = bed;
    const docId = await approvedAckDocument('Remote Working Policy', groupIdOf('Kestrel-ServiceDesk'));
    const controller = await h.servicesFor(people.priya, { afterPublish: [requestAcknowledgementsAfterPublish] });
    await publishDocument(controller, docId);
    expect((await requestsOf(docId)).map((r) => r.UserUPN).sort()).toEqual([people.marcus, people.sofia, people.jack].sort());

    await withdrawDocument(controller, docId, 'Replaced by the hybrid working policy');
    const requests = await requestsOf(docId);
    expect(requests.map((r) => r.RequestStatus)).toEqual(['Cancelled', 'Cancelled', 'Cancelled']);
    expect(requests[0]!.StatusReason).toContain('Replaced by the hybrid working policy');
    expect((await campaignsOf(docId))[0]).toMatchObject({ CampaignStatus: 'Cancelled' });
  });

  it("an approver's final approval that publishes starts the campaign at once", async () => {
    const { h, priya } = bed;
    const raj = await h.servicesFor(people.raj, { afterPublish: [requestAcknowledgementsAfterPublish] });
    const docId = await createDraft(priya, { title: 'Clear Desk Policy', ackRequired: true, ackAudience: [groupIdOf('Kestrel-ServiceDesk')], ackDueDays: 7 }, markdownFile('desk.md', '# Clear desk\n'));
    const outcome = await submitAndApprove(priya, raj, docId);
    expect(outcome.published?.versionLabel).toBe('1.0');
    expect((await campaignsOf(docId))[0]).toMatchObject({ CampaignStatus: 'Open', Trigger: 'Publication', StartKey: `publication:${outcome.published!.release.itemId}`, DocTitle: 'Clear Desk Policy' });
    expect((await requestsOf(docId)).map((r) => r.UserUPN).sort()).toEqual([people.marcus, people.sofia, people.jack].sort());
    // The daily job finds it started and starts nothing more.
    const tom = await h.servicesFor(people.tom);
    const job = { client: tom.client, site: tom.site.sms, clock: systemClock, actor: { upn: people.tom, roles: [], unattended: true }, notify: false };
    expect((await catchUpPublications(job)).some((m) => m.docId === docId)).toBe(false);
    expect(await campaignsOf(docId)).toHaveLength(1);
  });

  it('the daily job cancels the open campaign of a release withdrawn without cancelling it', async () => {
    const { h } = bed;
    const docId = await approvedAckDocument('Visitor Policy', groupIdOf('Kestrel-ServiceDesk'));
    const controller = await h.servicesFor(people.priya, { afterPublish: [requestAcknowledgementsAfterPublish] });
    const published = await publishDocument(controller, docId);
    // The release record says Withdrawn, but the step that cancels the requests never ran.
    const release = await h.raw(people.tom, `/sites/${h.siteId}/lists/Document Releases/items/${published.release.itemId}/fields`, { method: 'PATCH', body: JSON.stringify({ VersionStatus: 'Withdrawn' }) });
    expect(release.status).toBe(200);

    const tom = await h.servicesFor(people.tom);
    const job = { client: tom.client, site: tom.site.sms, clock: systemClock, actor: { upn: people.tom, roles: [], unattended: true }, notify: false };
    const caughtUp = await catchUpPublications(job);
    expect(caughtUp.find((m) => m.docId === docId)?.cancelled).toMatchObject({ requests: 3, campaigns: 1 });
    expect((await requestsOf(docId)).map((r) => r.RequestStatus)).toEqual(['Cancelled', 'Cancelled', 'Cancelled']);
    expect((await campaignsOf(docId))[0]).toMatchObject({ CampaignStatus: 'Cancelled' });
  });
});
