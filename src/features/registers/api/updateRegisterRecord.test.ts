import { describe, expect, it } from 'vitest';
import { GraphConflictError } from '../../../../graph/core/errors.js';
import { registerConfig } from '../services/catalog.js';
import { RegisterRefusalError } from '../services/errors.js';
import { loadRecord } from '../services/records.js';
import { demo, useRegistersHarness } from '../../../../tests/support/registersHarness.js';
import { updateRegisterRecord } from './updateRegisterRecord.js';

/**
 * `updateRegisterRecord` against the emulator: a save with the eTag the form started from recomputes the
 * scores; a save over someone else's answers 412 and keeps their change; a column the rules do not let
 * this user change (§6.2) is refused before anything is sent.
 */
const bed = useRegistersHarness();
const risks = registerConfig('risks')!;
const ncs = registerConfig('nonconformities')!;

async function risk(title: string) {
  return bed.seedItem('risks', { Title: title, Ref: `RSK-T-${title.length}${Date.now() % 10000}`, Status: 'Assessed', RiskKind: 'Threat', Owner: bed.lookupIdOf(demo.marcus), Likelihood: 2, Impact: 2, InherentScore: 4 });
}

describe('updateRegisterRecord', () => {
  it('saves the owner’s change with the form’s eTag and recomputes the scores', async () => {
    const id = await risk('Backup window overrun');
    const ctx = await bed.ctxFor(demo.marcus);
    const record = await loadRecord(ctx.client, bed.siteId, risks, id, 'UTC');
    const saved = await updateRegisterRecord(ctx, { register: 'risks', record, changes: { Likelihood: 4, Impact: 5 } });
    expect(saved.values).toMatchObject({ Likelihood: 4, Impact: 5, InherentScore: 20 });
    expect((await loadRecord(ctx.client, bed.siteId, risks, id, 'UTC')).values.InherentScore).toBe(20);
  });

  it('stops with a conflict when someone saved in between, and keeps their change', async () => {
    const id = await risk('Certificate expiry unnoticed');
    const marcus = await bed.ctxFor(demo.marcus);
    const tom = await bed.ctxFor(demo.tom);
    const opened = await loadRecord(marcus.client, bed.siteId, risks, id, 'UTC');
    await updateRegisterRecord(tom, { register: 'risks', record: await loadRecord(tom.client, bed.siteId, risks, id, 'UTC'), changes: { Cause: 'Manual renewal (Tom)' } });

    const err = await updateRegisterRecord(marcus, { register: 'risks', record: opened, changes: { Cause: 'No monitoring (Marcus)' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphConflictError);
    expect((await loadRecord(tom.client, bed.siteId, risks, id, 'UTC')).values.Cause).toBe('Manual renewal (Tom)');
  });

  it('refuses the NC owner changing its grade (only the SMS manager grades) and writes nothing', async () => {
    const id = await bed.seedItem('nonconformities', { Title: 'Grade test', Ref: `NC-T-G${Date.now() % 10000}`, Status: 'Root cause analysis', Owner: bed.lookupIdOf(demo.david), Source: 'Internal audit', Grade: 'Minor' });
    const david = await bed.ctxFor(demo.david);
    const record = await loadRecord(david.client, bed.siteId, ncs, id, 'UTC');
    const err = await updateRegisterRecord(david, { register: 'nonconformities', record, changes: { Grade: 'Major' } }).catch((e: unknown) => e);
    expect((err as RegisterRefusalError).refusal).toEqual({ code: 'columnNotEditable', params: { column: 'Grade' } });
    expect((await loadRecord(david.client, bed.siteId, ncs, id, 'UTC')).eTag).toBe(record.eTag);

    const saved = await updateRegisterRecord(david, { register: 'nonconformities', record, changes: { RootCause: 'The CAB approval step was optional in the tool.' } });
    expect(saved.values.RootCause).toBe('The CAB approval step was optional in the tool.');
  });
});
