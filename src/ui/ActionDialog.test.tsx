import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Field, Input } from '@fluentui/react-components';
import { renderUi } from '../../tests/support/renderUi.js';
import { ActionDialog, type ActionDialogProps } from './ActionDialog.js';
import type { RefusalExplanation } from './RefusalMessage.js';

afterEach(() => cleanup());

/** A feature's refusal as its rules answer it (codes, not words). */
interface Refusal {
  reason: 'reasonRequired' | 'tooLate' | 'incomplete';
}
class RuleError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.reason);
  }
}
type Fields = 'reason';

const explain = (r: Refusal): RefusalExplanation<Fields> =>
  r.reason === 'reasonRequired'
    ? { message: 'Give the reason: it is required.', at: 'reason' }
    : r.reason === 'incomplete'
      ? { message: 'Complete the details first.', problems: [{ field: 'reason', message: 'Say why.' }, { field: 'reason', message: 'Name the record.' }] }
      : { message: 'This step is no longer possible.' };

/** A "withdraw" step with one field, as a feature would write it. */
function Withdraw(props: Partial<ActionDialogProps<Refusal, Fields>> & { onRun(reason: string): Promise<unknown> }) {
  const [reason, setReason] = useState('');
  return (
    <main id="main">
      <h1 tabIndex={-1}>SMS-PRC-010</h1>
      <ActionDialog<Refusal, Fields>
        triggerLabel="Withdraw"
        title="Withdraw SMS-PRC-010?"
        confirmLabel="Withdraw now"
        description={<p>Readers stop seeing the document.</p>}
        precheck={() => (reason.trim() ? null : { reason: 'reasonRequired' })}
        run={() => props.onRun(reason)}
        refusalOf={(e) => (e instanceof RuleError ? e.refusal : null)}
        explain={explain}
        onReset={() => setReason('')}
        {...props}
      >
        {({ fieldError, busy }) => (
          <Field label="Reason" required {...(fieldError('reason') ? { validationMessage: fieldError('reason'), validationState: 'error' as const } : {})}>
            <Input value={reason} disabled={busy} onChange={(_, d) => setReason(d.value)} />
          </Field>
        )}
      </ActionDialog>
    </main>
  );
}

async function open(u: ReturnType<typeof userEvent.setup>) {
  await u.click(await screen.findByRole('button', { name: 'Withdraw' }));
  return screen.findByRole('dialog', { name: 'Withdraw SMS-PRC-010?' });
}

describe('ActionDialog', { timeout: 20_000 }, () => {
  it('shows the precheck refusal next to its field and runs nothing; then runs, closes, clears and hands focus to the heading', async () => {
    const onRun = vi.fn(async () => undefined);
    const u = userEvent.setup();
    renderUi(<Withdraw onRun={onRun} />);
    const dialog = await open(u);
    expect(within(dialog).getByText('Readers stop seeing the document.')).toBeTruthy();
    await u.click(within(dialog).getByRole('button', { name: 'Withdraw now' }));
    const input = within(dialog).getByRole('textbox', { name: /^Reason/ });
    expect(await within(dialog).findByText('Give the reason: it is required.')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    // Next to the field, not as a message at the top.
    expect(within(dialog).queryByText('Not possible')).toBeNull();
    expect(onRun).not.toHaveBeenCalled();

    await u.type(input, 'Replaced by SMS-PRC-011.');
    await u.click(within(dialog).getByRole('button', { name: 'Withdraw now' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(onRun).toHaveBeenCalledWith('Replaced by SMS-PRC-011.');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 })));

    // Opened again: the fields start empty.
    const again = await open(u);
    expect((within(again).getByRole('textbox', { name: /^Reason/ }) as HTMLInputElement).value).toBe('');
  });

  it('shows a refusal from the step at the top with the problems to fix, and keeps what the user typed', async () => {
    const u = userEvent.setup();
    renderUi(<Withdraw onRun={() => Promise.reject(new RuleError({ reason: 'incomplete' }))} />);
    const dialog = await open(u);
    await u.type(within(dialog).getByRole('textbox', { name: /^Reason/ }), 'Obsolete');
    await u.click(within(dialog).getByRole('button', { name: 'Withdraw now' }));
    expect(await within(dialog).findByText('Not possible')).toBeTruthy();
    expect(within(dialog).getByText('Complete the details first.')).toBeTruthy();
    expect(within(dialog).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Say why.', 'Name the record.']);
    // Both problems of the field, joined, next to it as well.
    expect(within(dialog).getByText('Say why. Name the record.')).toBeTruthy();
    expect((within(dialog).getByRole('textbox', { name: /^Reason/ }) as HTMLInputElement).value).toBe('Obsolete');
  });

  it('shows any other failure with "Try again", which runs the step again', async () => {
    let calls = 0;
    const u = userEvent.setup();
    renderUi(<Withdraw onRun={async () => (++calls === 1 ? Promise.reject(new Error('Network down')) : undefined)} />);
    const dialog = await open(u);
    await u.type(within(dialog).getByRole('textbox', { name: /^Reason/ }), 'Obsolete');
    await u.click(within(dialog).getByRole('button', { name: 'Withdraw now' }));
    expect(await within(dialog).findByText(/Network down/)).toBeTruthy();
    await u.click(within(dialog).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls).toBe(2);
  });

  it('cannot be closed or confirmed twice while the step runs, and says it is working', async () => {
    let finish: () => void = () => undefined;
    const onRun = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const u = userEvent.setup();
    renderUi(<Withdraw onRun={onRun} />);
    const dialog = await open(u);
    await u.type(within(dialog).getByRole('textbox', { name: /^Reason/ }), 'Obsolete');
    await u.click(within(dialog).getByRole('button', { name: 'Withdraw now' }));
    const working = await within(dialog).findByRole('button', { name: 'Working…' });
    expect((working as HTMLButtonElement).disabled).toBe(true);
    expect((within(dialog).getByRole('button', { name: 'Cancel' }) as HTMLButtonElement).disabled).toBe(true);
    expect((within(dialog).getByRole('textbox', { name: /^Reason/ }) as HTMLInputElement).disabled).toBe(true);
    await u.keyboard('{Escape}');
    expect(screen.getByRole('dialog')).toBeTruthy();
    finish();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(onRun).toHaveBeenCalledTimes(1);
  });

  it('runs the step once when it is submitted twice before the page re-renders (a double click, Enter pressed twice)', async () => {
    let finish: () => void = () => undefined;
    const onRun = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const u = userEvent.setup();
    renderUi(<Withdraw onRun={onRun} />);
    const dialog = await open(u);
    await u.type(within(dialog).getByRole('textbox', { name: /^Reason/ }), 'Obsolete');
    const form = within(dialog).getByRole('button', { name: 'Withdraw now' }).closest('form')!;
    // Both submits arrive before React has re-rendered the button as disabled.
    act(() => {
      fireEvent.submit(form);
      fireEvent.submit(form);
    });
    expect(await within(dialog).findByRole('button', { name: 'Working…' })).toBeTruthy();
    fireEvent.submit(form);
    finish();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(onRun).toHaveBeenCalledTimes(1);
  });

  it('lets the caller take a failure itself and hold the confirm button; cancel clears the fields', async () => {
    const onFailure = vi.fn((e: unknown) => e instanceof Error && e.message === 'conflict');
    const onOpen = vi.fn();
    const u = userEvent.setup();
    const { rerender } = renderUi(<Withdraw onRun={() => Promise.reject(new Error('conflict'))} onFailure={onFailure} onOpen={onOpen} />);
    const dialog = await open(u);
    expect(onOpen).toHaveBeenCalledTimes(1);
    await u.type(within(dialog).getByRole('textbox', { name: /^Reason/ }), 'Obsolete');
    await u.click(within(dialog).getByRole('button', { name: 'Withdraw now' }));
    await waitFor(() => expect(onFailure).toHaveBeenCalled());
    expect(within(dialog).queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(screen.getByRole('dialog')).toBeTruthy();

    rerender(<Withdraw onRun={() => Promise.reject(new Error('conflict'))} onFailure={onFailure} confirmDisabled notice={<p>Changed by someone else</p>} />);
    expect(within(screen.getByRole('dialog')).getByText('Changed by someone else')).toBeTruthy();
    expect((within(screen.getByRole('dialog')).getByRole('button', { name: 'Withdraw now' }) as HTMLButtonElement).disabled).toBe(true);

    await u.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const again = await open(u);
    expect((within(again).getByRole('textbox', { name: /^Reason/ }) as HTMLInputElement).value).toBe('');
  });
});
