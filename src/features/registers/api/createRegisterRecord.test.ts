import { describe, expect, it } from 'vitest';
import { listAllItems } from '../../../../graph/lists/items.js';
import { RecordValidationError, RegisterRefusalError } from '../services/errors.js';
import { demo, useRegistersHarness } from '../../../../tests/support/registersHarness.js';
import { createRegisterRecord } from './createRegisterRecord.js';

/**
 * `createRegisterRecord` against the emulator with the demo site: the Ref from SMS Sequences, the first
 * status, who raised it and when, the computed scores and an audit entry; invalid values and people the
 * rules do not let add records write nothing.
 */
const bed = useRegistersHarness();
const year = new Date().getUTCFullYear();

describe('createRegisterRecord', () => {
  it('creates a nonconformity: next Ref of the year, Reported, raised by its author today, audited', async () => {
    const ctx = await bed.ctxFor(demo.marcus);
    const record = await createRegisterRecord(ctx, { register: 'nonconformities', values: { Title: 'Caller not told of the P2 workaround', Source: 'Self-identified', Evidence: 'Ticket INC-88412' } });
    expect(record.values).toMatchObject({ Status: 'Reported', RaisedBy: bed.lookupIdOf(demo.marcus), RaisedOn: ctx.today });
    expect(record.values.Ref).toMatch(new RegExp(`^NC-${year}-\\d{3}$`));
    const audit = await listAllItems(ctx.client, bed.siteId, 'SMS Audit Trail', { filter: `fields/EntityRef eq '${String(record.values.Ref)}'` });
    expect(audit.map((a) => a.fields)).toEqual([expect.objectContaining({ EventType: 'Created', ToStatus: 'Reported', ActorUPN: demo.marcus })]);
  });

  it('computes a risk’s scores from its ratings', async () => {
    const record = await createRegisterRecord(await bed.ctxFor(demo.marcus), {
      register: 'risks',
      values: { Title: 'Lisbon desk cover at night', RiskKind: 'Threat', Likelihood: 3, Impact: 4, ResidualLikelihood: 2, ResidualImpact: 2, Owner: bed.lookupIdOf(demo.marcus) },
    });
    expect(record.values).toMatchObject({ Status: 'Identified', InherentScore: 12, ResidualScore: 4, WithinAcceptance: true });
  });

  it('refuses invalid values field by field and writes nothing', async () => {
    const ctx = await bed.ctxFor(demo.jack);
    const before = (await listAllItems(ctx.client, bed.siteId, 'Risk Register', { select: ['Ref'] })).length;
    const err = await createRegisterRecord(ctx, { register: 'risks', values: { Title: '', Likelihood: 7 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RecordValidationError);
    const codes = (err as RecordValidationError).issues.map((i) => `${i.column}:${i.code}`);
    expect(codes).toEqual(expect.arrayContaining(['Title:required', 'RiskKind:required', 'Likelihood:tooLarge']));
    expect((await listAllItems(ctx.client, bed.siteId, 'Risk Register', { select: ['Ref'] })).length).toBe(before);
  });

  it('refuses an employee adding an objective (§6.2: SMS managers and top management set them)', async () => {
    const err = await createRegisterRecord(await bed.ctxFor(demo.jack), { register: 'objectives', values: { Title: 'Faster answers' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegisterRefusalError);
    expect((err as RegisterRefusalError).refusal.code).toBe('cannotCreate');
  });
});
