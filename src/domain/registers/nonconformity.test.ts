import { describe, expect, it } from 'vitest';
import { ncAfterActions, ncVerifierConflict } from './nonconformity.js';
import type { LinkedAction } from './types.js';

const a = (status: string, assigneeId: string | null = 'david@contoso.test', actionType = 'Corrective action'): LinkedAction => ({ status, assigneeId, actionType });

describe('ncAfterActions', () => {
  it('moves an NC in progress on once every action that is not cancelled is Completed or Verified', () => {
    expect(ncAfterActions('Actions in progress', [a('Completed'), a('Verified'), a('Cancelled')])).toBe('Effectiveness check');
    expect(ncAfterActions('Actions in progress', [a('Completed'), a('In progress')])).toBeNull();
    expect(ncAfterActions('Actions in progress', [a('Blocked')])).toBeNull();
  });

  it('needs at least one live action and an NC in Actions in progress', () => {
    expect(ncAfterActions('Actions in progress', [])).toBeNull();
    expect(ncAfterActions('Actions in progress', [a('Cancelled')])).toBeNull();
    expect(ncAfterActions('Action planned', [a('Completed')])).toBeNull();
    expect(ncAfterActions('Effectiveness check', [a('Completed')])).toBeNull();
  });
});

describe('ncVerifierConflict (§6.3 rule 2)', () => {
  const nc = { Owner: 'marcus@contoso.test' };
  it('names the owner and the assignees of live actions', () => {
    expect(ncVerifierConflict('MARCUS@contoso.test', nc, [])).toEqual({ code: 'ownerCannotVerify' });
    expect(ncVerifierConflict('david@contoso.test', nc, [a('Completed')])).toEqual({ code: 'assigneeCannotVerify' });
    expect(ncVerifierConflict('david@contoso.test', nc, [a('Cancelled')])).toBeNull();
    expect(ncVerifierConflict('tom@contoso.test', nc, [a('Completed'), a('Verified', null)])).toBeNull();
  });
});
