import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { signInToEmulator } from '../../../../app/auth/devSignIn.js';
import { APP_SCOPES } from '../../../../app/auth/scopes.js';
import { ORIGIN, demoPerson, renderApp } from '../../../../../tests/support/appHarness.js';
import { useRegistersHarness } from '../../../../../tests/support/registersHarness.js';

/**
 * The new-record form against the emulator with the demo site: problems named under each field and
 * listed on top, nothing sent and nothing lost until the values are valid; then the record is created
 * (its Ref from SMS Sequences) and its page opens.
 */
useRegistersHarness();
const marcus = demoPerson('Marcus', 'Chen');
const jack = demoPerson('Jack', 'Turner');

async function open(path: string, user = marcus) {
  await import('../../index.js');
  renderApp({ path, session: await signInToEmulator(ORIGIN, user, APP_SCOPES) });
}

describe('new record', () => {
  it('explains each invalid field, keeps the input, then creates the risk and opens its page', async () => {
    await open('/registers/risks/new');
    expect(await screen.findByRole('heading', { level: 1, name: 'New record: Risk register' }, { timeout: 10_000 })).toBeTruthy();
    const create = await screen.findByRole('button', { name: 'Create record' }, { timeout: 10_000 });
    const user = userEvent.setup();

    await user.click(create);
    expect(await screen.findByText('Not saved')).toBeTruthy();
    expect(screen.getAllByText('Title is required.').length).toBeGreaterThanOrEqual(1);
    expect(screen.getAllByText('Risk or opportunity is required.').length).toBeGreaterThanOrEqual(1);

    await user.type(screen.getByRole('textbox', { name: /^Title/ }), 'Night cover gap at the Lisbon desk');
    await user.selectOptions(screen.getByRole('combobox', { name: /^Risk or opportunity/ }), 'Threat');
    await user.type(screen.getByRole('spinbutton', { name: 'Likelihood' }), '7');
    await user.click(create);
    await waitFor(() => expect(screen.queryByText('Title is required.')).toBeNull());
    expect(screen.getAllByText(/Likelihood must be/).length).toBeGreaterThanOrEqual(1);
    expect((screen.getByRole('textbox', { name: /^Title/ }) as HTMLInputElement).value).toBe('Night cover gap at the Lisbon desk');

    await user.clear(screen.getByRole('spinbutton', { name: 'Likelihood' }));
    await user.type(screen.getByRole('spinbutton', { name: 'Likelihood' }), '3');
    await user.type(screen.getByRole('spinbutton', { name: 'Impact' }), '4');
    await user.click(create);
    const heading = await screen.findByRole('heading', { level: 1, name: /^RSK-\d{3}: Night cover gap at the Lisbon desk$/ }, { timeout: 10_000 });
    expect(heading).toBeTruthy();
    expect(screen.getByText('Status: Identified')).toBeTruthy();
    expect(screen.getByText('Inherent score').nextSibling?.textContent).toBe('12');
  }, 60_000);

  it('tells an employee they cannot add objectives instead of showing the form', async () => {
    await open('/registers/objectives/new', jack);
    expect(await screen.findByText('You cannot add records here', undefined, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('You cannot add records to this register.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Create record' })).toBeNull();
  });
});
