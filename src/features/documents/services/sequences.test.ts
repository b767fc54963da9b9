import { describe, expect, it } from 'vitest';
import { useDocumentsHarness } from '../../../../tests/support/documentsHarness.js';
import { assignDocId } from './sequences.js';

/** DocIds from `SMS Sequences` against the emulator (msw, in process), under contention. */
const bed = useDocumentsHarness();

async function sequence(name: string) {
  return (await bed.h.listFields('SMS Sequences', `$filter=fields/SequenceName eq '${name}'`))[0];
}

describe('DocIds from SMS Sequences', () => {
  it('never gives two controllers the same number, however their requests interleave', async () => {
    const { priya, tom } = bed;
    const ids = await Promise.all([
      assignDocId(priya, 'Contract', null),
      assignDocId(tom, 'Contract', null),
      assignDocId(priya, 'Contract', null),
      assignDocId(tom, 'Contract', null),
      assignDocId(priya, 'Contract', null),
    ]);
    expect(new Set(ids).size).toBe(5);
    expect([...ids].sort()).toEqual(['SMS-CON-001', 'SMS-CON-002', 'SMS-CON-003', 'SMS-CON-004', 'SMS-CON-005']);
    expect(await sequence('SMS-CON')).toMatchObject({ NextNumber: 6, Prefix: 'SMS-CON-' });
  });

  it('gives a repeated request (same key) the number it took, only while nobody has taken one since', async () => {
    const { priya, tom } = bed;
    const first = await assignDocId(priya, 'Agreement', null, undefined, 'key-1');
    expect(await assignDocId(priya, 'Agreement', null, undefined, 'key-1')).toBe(first);
    expect(await sequence('SMS-AGR')).toMatchObject({ NextNumber: 2, LastRequestKey: 'key-1' });
    // Tom takes the next number without a key: the repeat of key-1 must not get his.
    const toms = await assignDocId(tom, 'Agreement', null);
    expect(toms).not.toBe(first);
    const repeat = await assignDocId(priya, 'Agreement', null, undefined, 'key-1');
    expect([first, toms]).not.toContain(repeat);
    expect(await sequence('SMS-AGR')).toMatchObject({ NextNumber: 4 });
  });

  it('numbers the scope document (mandatory item D1) in its own sequence', async () => {
    expect(await assignDocId(bed.priya, 'Policy', 'D1')).toBe('SMS-SCP-001');
    expect(await assignDocId(bed.priya, 'Policy', 'None')).toBe('SMS-POL-001');
  });
});
