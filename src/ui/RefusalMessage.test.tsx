import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { renderUi } from '../../tests/support/renderUi.js';
import { problemsByField, RefusalMessage } from './RefusalMessage.js';

afterEach(() => cleanup());

describe('RefusalMessage', () => {
  it('says the step is not possible, why, and lists what to fix', () => {
    renderUi(<RefusalMessage message="Complete the document details first." problems={['Enter a title.', 'Choose an approver.']} />);
    expect(screen.getByText('Not possible')).toBeTruthy();
    expect(screen.getByText('Complete the document details first.')).toBeTruthy();
    const items = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual(['Enter a title.', 'Choose an approver.']);
  });

  it('takes a heading of its own, shows no list without problems, and speaks the UI language', () => {
    const { unmount } = renderUi(<RefusalMessage title="Check the details" message="Enter a title." />);
    expect(screen.getByText('Check the details')).toBeTruthy();
    expect(screen.queryByText('Not possible')).toBeNull();
    expect(screen.queryByRole('list')).toBeNull();
    unmount();
    renderUi(<RefusalMessage message="原因" />, 'zh-CN');
    expect(screen.getByText('无法执行')).toBeTruthy();
  });
});

describe('problemsByField', () => {
  it('groups problems by field, joining several problems of one field', () => {
    expect(
      problemsByField([
        { field: 'title', message: 'Enter a title.' },
        { field: 'approver', message: 'Choose an approver.' },
        { field: 'title', message: 'Keep it under 255 characters.' },
      ]),
    ).toEqual({ title: 'Enter a title. Keep it under 255 characters.', approver: 'Choose an approver.' });
    expect(problemsByField(undefined)).toEqual({});
  });
});
