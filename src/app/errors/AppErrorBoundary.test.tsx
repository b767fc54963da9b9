import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../i18n/i18n.js';
import { AppErrorBoundary } from './AppErrorBoundary.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

let broken = true;
function FlakyScreen() {
  if (broken) throw new Error('render failed');
  return <p>Screen content</p>;
}

describe('AppErrorBoundary', () => {
  it('replaces a screen that throws while rendering with a message, keeps what is outside, and can try again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <I18nextProvider i18n={createI18n('en')}>
        <nav aria-label="Main">outside</nav>
        <AppErrorBoundary>
          <FlakyScreen />
        </AppErrorBoundary>
      </I18nextProvider>,
    );
    expect(screen.getByText('This screen could not be shown')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    broken = false;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('Screen content')).toBeTruthy();
  });
});
