import { describe, expect, it } from 'vitest';
import { requireList } from '../../graph/schema/index.js';
import { actions } from './data/improvement.js';
import { seedDates } from './dates.js';
import { stepsDone } from './items.js';
import { PERSON_KEYS, type PersonKey } from './types.js';
import type { DemoPerson } from './context.js';

/**
 * Which of an existing item's later steps a rerun of the seed still has to write (a run that stopped between them),
 * judged from what the item holds: ACT-0141 is created In progress, completed by David, verified by Tom.
 */
const people = Object.fromEntries(
  PERSON_KEYS.map((key, i) => [key, { key, userId: `u-${key}`, upn: `${key}@x`, mail: `${key}@x`, displayName: key, department: null, lookupId: 10 + i } satisfies DemoPerson]),
) as Record<PersonKey, DemoPerson>;
const d = seedDates(new Date('2026-06-01T12:00:00Z'));
const item = actions(d).items.find((i) => i.key === 'ACT-0141')!;
const schema = requireList('actions');
// What Graph returns for the item: date-only columns as midnight UTC, person columns as lookup ids.
const stored = (status: string, extra: Record<string, unknown> = {}) => ({ Ref: 'ACT-0141', Status: status, AssignedToLookupId: String(people.david.lookupId), ...extra });

describe('demo seed steps', () => {
  it('writes the completion by the assignee and the verification by the verifier after creating the action In progress', () => {
    expect(item.fields.Status).toBe('In progress');
    expect(item.steps?.map((s) => [s.by, s.fields.Status])).toEqual([
      ['david', 'Completed'],
      ['tom', 'Verified'],
    ]);
  });

  it('resumes after the last step written, and writes nothing over an item changed since', () => {
    const completedOn = { CompletedOn: d.date(-28) };
    const verified = { ...completedOn, VerifiedOn: d.date(-20), VerifiedByLookupId: String(people.tom.lookupId) };
    expect(stepsDone({ people }, schema, item, stored('In progress'))).toBe(0);
    expect(stepsDone({ people }, schema, item, stored('Completed', completedOn))).toBe(1);
    expect(stepsDone({ people }, schema, item, stored('Verified', verified))).toBe(2);
    // Someone reopened it after the seed: none of the seeded states, so the seed leaves it alone.
    expect(stepsDone({ people }, schema, item, stored('Cancelled'))).toBe(2);
  });
});
