import { describe, expect, it } from 'vitest';
import { filled, holds, isSystem, namedIn, ownsProcessOf, personIn, samePerson } from './access.js';
import type { Actor } from './types.js';

const marcus: Actor = { id: 'marcus@contoso.test', roles: ['processOwner', 'employee'], ownedProcessIds: ['13'] };

describe('register access helpers', () => {
  it('tells the app from a person', () => {
    expect(isSystem('system')).toBe(true);
    expect(isSystem(marcus)).toBe(false);
  });

  it('compares person ids ignoring case and spaces, never matching nobody', () => {
    expect(samePerson(' Marcus@Contoso.test', 'marcus@contoso.test')).toBe(true);
    expect(samePerson(null, null)).toBe(false);
    expect(personIn({ Owner: ' MARCUS@contoso.test ' }, 'Owner')).toBe('marcus@contoso.test');
    expect(personIn({ Owner: 7 }, 'Owner')).toBeNull();
    expect(namedIn(marcus, { Owner: 'tom@contoso.test', RelationshipOwner: 'Marcus@contoso.test' }, ['Owner', 'RelationshipOwner'])).toBe(true);
  });

  it('reads roles and process ownership', () => {
    expect(holds(marcus, 'smsManager', 'processOwner')).toBe(true);
    expect(holds(marcus, 'smsManager')).toBe(false);
    expect(ownsProcessOf(marcus, { Process: '13' })).toBe(true);
    expect(ownsProcessOf(marcus, { Process: 13 })).toBe(true);
    expect(ownsProcessOf(marcus, { Process: '10' })).toBe(false);
    expect(ownsProcessOf(marcus, { Process: null })).toBe(false);
  });

  it('counts only real values as filled in', () => {
    expect([null, undefined, '', '  ', [], Number.NaN].map(filled)).toEqual([false, false, false, false, false, false]);
    expect(['x', 0, false, ['a']].map(filled)).toEqual([true, true, true, true]);
  });
});
