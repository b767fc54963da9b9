import { describe, expect, it } from 'vitest';
import { listAllItems } from '../../../../graph/lists/items.js';
import { loadRecord } from '../services/records.js';
import { registerConfig } from '../services/catalog.js';
import { RegisterRefusalError } from '../services/errors.js';
import { demo, useRegistersHarness } from '../../../../tests/support/registersHarness.js';
import { transitionRecord } from './transitionRecord.js';

/**
 * `transitionRecord` against the emulator with the demo site: the verb reads the record fresh, asks the
 * rules with its linked actions (§6.3 rule 2) and writes with `If-Match`, recording who and when and an
 * audit entry with the reason; a refusal writes nothing.
 */
const bed = useRegistersHarness();
const nc = registerConfig('nonconformities')!;

/** An NC waiting for its effectiveness check, owned by David, with one completed corrective action (assigned to Marcus unless said). */
async function ncInEffectivenessCheck(title: string, assignee: string = demo.marcus) {
  const ref = `NC-TEST-${title.replace(/\W/g, '').slice(0, 8).toUpperCase()}`;
  const id = await bed.seedItem('nonconformities', {
    Title: title,
    Ref: ref,
    Status: 'Effectiveness check',
    Owner: bed.lookupIdOf(demo.david),
    Source: 'Internal audit',
    Grade: 'Minor',
    RootCause: 'No check in the workflow.',
    EffectivenessCriteria: 'No repeat in 20 sampled changes.',
  });
  await bed.seedItem('actions', {
    Title: `Fix for ${ref}`,
    Ref: `ACT-T${id}`,
    Status: 'Completed',
    ActionType: 'Corrective action',
    SourceType: 'Nonconformity',
    SourceItemId: Number(id),
    SourceRef: ref,
    AssignedTo: bed.lookupIdOf(assignee),
    AssignedToUPN: assignee,
  });
  return { id, ref };
}

describe('transitionRecord', () => {
  it('refuses the NC owner closing their own nonconformity and writes nothing', async () => {
    const { id } = await ncInEffectivenessCheck('Owner tries to close');
    const ctx = await bed.ctxFor(demo.david);
    const before = await loadRecord(ctx.client, bed.siteId, nc, id, 'UTC');

    const err = await transitionRecord(ctx, { register: 'nonconformities', itemId: id, to: 'Closed', reason: 'All done' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegisterRefusalError);
    expect((err as RegisterRefusalError).refusal.code).toBe('ownerCannotVerify');
    const after = await loadRecord(ctx.client, bed.siteId, nc, id, 'UTC');
    expect(after.eTag).toBe(before.eTag);
    expect(after.values.Status).toBe('Effectiveness check');
  });

  it('refuses an assignee of the NC’s actions (read from Actions) closing it, even an SMS manager', async () => {
    const { id } = await ncInEffectivenessCheck('Assignee tries to close', demo.tom);
    const err = await transitionRecord(await bed.ctxFor(demo.tom), { register: 'nonconformities', itemId: id, to: 'Closed', reason: 'Fixed it myself' }).catch((e: unknown) => e);
    expect((err as RegisterRefusalError).refusal.code).toBe('assigneeCannotVerify');
  });

  it('asks for a reason before closing, then lets the SMS manager close it: verifier, dates, result and an audit entry with the reason', async () => {
    const { id, ref } = await ncInEffectivenessCheck('Manager closes');
    const tom = await bed.ctxFor(demo.tom);
    const noReason = await transitionRecord(tom, { register: 'nonconformities', itemId: id, to: 'Closed' }).catch((e: unknown) => e);
    expect((noReason as RegisterRefusalError).refusal.code).toBe('reasonRequired');

    const closed = await transitionRecord(tom, { register: 'nonconformities', itemId: id, to: 'Closed', reason: 'Sampled 20 changes: all approved first.' });
    expect(closed.values).toMatchObject({ Status: 'Closed', EffectivenessResult: 'Effective', VerifiedBy: bed.lookupIdOf(demo.tom), VerifiedOn: tom.today, ClosedOn: tom.today });
    const fresh = await loadRecord(tom.client, bed.siteId, nc, id, 'UTC');
    expect(fresh.values.Status).toBe('Closed');

    const audit = await listAllItems(tom.client, bed.siteId, 'SMS Audit Trail', { filter: `fields/EntityRef eq '${ref}'` });
    expect(audit.map((a) => a.fields)).toEqual([expect.objectContaining({ EventType: 'Transition', FromStatus: 'Effectiveness check', ToStatus: 'Closed', Comment: 'Sampled 20 changes: all approved first.', ActorUPN: demo.tom })]);
  });

  it('decides on the record as it is on the server, not as the page showed it', async () => {
    const { id } = await ncInEffectivenessCheck('Moved meanwhile');
    const tom = await bed.ctxFor(demo.tom);
    // Someone reopened it meanwhile (Effectiveness check → Root cause analysis).
    await transitionRecord(tom, { register: 'nonconformities', itemId: id, to: 'Root cause analysis', reason: 'Repeat found in the sample' });
    const err = await transitionRecord(tom, { register: 'nonconformities', itemId: id, to: 'Closed', reason: 'Closing from an old page' }).catch((e: unknown) => e);
    expect((err as RegisterRefusalError).refusal).toEqual({ code: 'transitionNotAllowed', params: { from: 'Root cause analysis', to: 'Closed' } });
  });
});
