import { describe, expect, it } from 'vitest';
import { createDraft, people, useDocumentsHarness } from '../../../../tests/support/documentsHarness.js';
import { submitForReview } from './submitForReview.js';

/**
 * A tenant whose cloud has no Planner (Microsoft 365 operated by 21Vianet: Planner's APIs are
 * "global service and US Government only" on Learn). The document lifecycle still works; the
 * approval is recorded without a Planner task and Planner is never called.
 */
const bed = useDocumentsHarness();

describe('submitForReview where the cloud has no Planner', () => {
  it('records the pending approval without a Planner task, never calling Planner', async () => {
    const { h } = bed;
    const priya = await h.servicesFor(people.priya, { planner: false });
    const docId = await createDraft(priya, { title: 'Capacity Plan (21Vianet tenant)' });
    h.emulator.emu.requests.clear();

    const snap = await submitForReview(priya, docId);

    expect(snap.state.status).toBe('In review');
    const approvals = (await h.listFields('Document Approvals')).filter((a) => String(a.Title).startsWith(`${docId} `));
    expect(approvals).toHaveLength(1);
    expect(approvals[0]).toMatchObject({ Step: 'Approval', Decision: 'Pending' });
    expect(approvals[0]!.PlannerTaskId ?? null).toBeNull();
    const plannerCalls = h.emulator.emu.requests.list().filter((r) => /\/planner\//i.test(r.path));
    expect(plannerCalls).toEqual([]);
  });
});
