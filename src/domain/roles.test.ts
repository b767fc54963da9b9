import { describe, expect, it } from 'vitest';
import { areasFor, canUseArea, rolesFromGroupNames } from './roles.js';

describe('rolesFromGroupNames', () => {
  it('makes everyone an employee, even with no groups at all', () => {
    expect(rolesFromGroupNames([])).toEqual(['employee']);
    expect(rolesFromGroupNames(['Kestrel-ServiceDesk', 'SMS-AllStaff'])).toEqual(['employee']);
  });

  it('maps each SMS role group to its role', () => {
    expect(rolesFromGroupNames(['SMS-TopManagement'])).toEqual(['topManagement', 'employee']);
    expect(rolesFromGroupNames(['SMS-Managers'])).toEqual(['smsManager', 'employee']);
    expect(rolesFromGroupNames(['SMS-DocumentControllers'])).toEqual(['documentController', 'employee']);
    expect(rolesFromGroupNames(['SMS-ProcessOwners'])).toEqual(['processOwner', 'employee']);
    expect(rolesFromGroupNames(['SMS-InternalAuditors'])).toEqual(['internalAuditor', 'employee']);
  });

  it('keeps several roles in seniority order whatever order the groups came in', () => {
    expect(rolesFromGroupNames(['SMS-ProcessOwners', 'Kestrel SMS', 'SMS-InternalAuditors', 'SMS-DocumentControllers'])).toEqual([
      'documentController',
      'processOwner',
      'internalAuditor',
      'employee',
    ]);
  });

  it('compares group names case-insensitively and ignores surrounding spaces, but not look-alikes', () => {
    expect(rolesFromGroupNames([' sms-managers '])).toEqual(['smsManager', 'employee']);
    expect(rolesFromGroupNames(['SMS-Managers-Old', 'SMS Managers'])).toEqual(['employee']);
  });
});

describe('navigation areas per role (§6.2)', () => {
  it('gives an employee Home, Documents, Acknowledgements, Registers and Actions only', () => {
    expect(areasFor(['employee'])).toEqual(['home', 'documents', 'acknowledgements', 'registers', 'actions']);
  });

  it('gives a document controller Compliance but not Audits or Reviews', () => {
    const roles = rolesFromGroupNames(['SMS-DocumentControllers']);
    expect(canUseArea(roles, 'compliance')).toBe(true);
    expect(canUseArea(roles, 'audits')).toBe(false);
    expect(canUseArea(roles, 'reviews')).toBe(false);
  });

  it('gives an internal auditor Audits, Reviews and Compliance', () => {
    expect(areasFor(rolesFromGroupNames(['SMS-InternalAuditors']))).toEqual(APP_ALL);
  });

  it('gives a process owner Reviews (inputs) but not Audits or Compliance', () => {
    const areas = areasFor(rolesFromGroupNames(['SMS-ProcessOwners']));
    expect(areas).toContain('reviews');
    expect(areas).not.toContain('audits');
    expect(areas).not.toContain('compliance');
  });

  it('gives top management and the SMS manager every area', () => {
    expect(areasFor(rolesFromGroupNames(['SMS-TopManagement']))).toEqual(APP_ALL);
    expect(areasFor(rolesFromGroupNames(['SMS-Managers']))).toEqual(APP_ALL);
  });
});

const APP_ALL = ['home', 'documents', 'acknowledgements', 'registers', 'actions', 'reviews', 'audits', 'compliance'];
