import { describe, expect, it } from 'vitest';
import { planQuery } from '../../../platform/registers/index.js';
import { DERIVED_COLUMNS, STEP_COLUMNS } from '../../../domain/registers/lifecycle.js';
import { REGISTERS, registerConfig, transitionWriteOf, upnTwinsOf } from './catalog.js';

/** The catalog is data the engine and the rules rely on: these hold for every register. */
describe('register catalog', () => {
  it.each(REGISTERS.map((r) => [r.key, r] as const))('%s: filters and sorts only on indexed single-value columns, so the engine can send them', (_, config) => {
    for (const name of [...config.filterColumns, ...config.sortColumns]) {
      const column = config.schema.columns.find((c) => c.name === name)!;
      expect(column.indexed, name).toBe(true);
      const value = column.type === 'boolean' ? true : column.type === 'person' || column.type === 'number' ? '7' : column.type === 'dateOnly' ? '2026-01-31' : 'x';
      const plan = planQuery(config.schema, [{ column: name, op: 'eq', value }], { column: name, direction: 'ascending' });
      expect(plan.sent?.column, name).toBe(name);
    }
    if (config.statusColumn) expect(config.filterColumns[0]).toBe(config.statusColumn);
  });

  it.each(REGISTERS.map((r) => [r.key, r] as const))('%s: the form never takes the Ref, the status, a step’s evidence or a computed value', (_, config) => {
    const never = [...STEP_COLUMNS, ...DERIVED_COLUMNS, ...config.computedColumns, ...(config.statusColumn ? [config.statusColumn] : [])];
    expect(config.formColumns.filter((c) => never.includes(c))).toEqual([]);
    expect(config.listColumns.every((c) => config.schema.columns.some((x) => x.name === c))).toBe(true);
  });

  it('records who and when with each transition that needs it, only from the status it leaves', () => {
    const nc = registerConfig('nonconformities')!;
    expect(transitionWriteOf(nc, 'Effectiveness check', 'Closed')).toMatchObject({ by: ['VerifiedBy'], set: { EffectivenessResult: 'Effective' } });
    expect(transitionWriteOf(nc, 'Effectiveness check', 'Root cause analysis').set).toEqual({ EffectivenessResult: 'Not effective' });
    expect(transitionWriteOf(nc, 'Containment', 'Root cause analysis')).toEqual({ to: 'Root cause analysis' });
    expect(transitionWriteOf(registerConfig('risks')!, 'Assessed', 'Accepted')).toMatchObject({ by: ['AcceptedBy'], on: ['AcceptedOn'] });
  });

  it('fills the UPN twin of a person column itself (competence records: PersonUPN from Person)', () => {
    const cr = registerConfig('competenceRecords')!;
    expect(upnTwinsOf(cr.schema)).toEqual([['Person', 'PersonUPN']]);
    expect(cr.formColumns).toContain('Person');
    expect(cr.formColumns).not.toContain('PersonUPN');
  });

  it('gives the registers that raise actions their source type', () => {
    expect(REGISTERS.filter((r) => r.sourceType).map((r) => [r.key, r.sourceType])).toEqual([
      ['risks', 'Risk'],
      ['objectives', 'Objective'],
      ['nonconformities', 'Nonconformity'],
      ['improvements', 'Improvement'],
    ]);
  });
});
