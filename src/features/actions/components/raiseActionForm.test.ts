import { describe, expect, it } from 'vitest';
import { TITLE_MAX, emptyRaiseForm, validateRaiseForm } from './raiseActionForm.js';

const known = (id: string) => id === 'aisha@x';
const filled = { ...emptyRaiseForm('Nonconformity'), title: '  Brief the night shift  ', assigneeId: 'aisha@x', dueDate: '2026-03-01' };

describe('the "Raise action" form', () => {
  it('starts with the type a source usually raises', () => {
    expect(emptyRaiseForm('Nonconformity').actionType).toBe('Corrective action');
    expect(emptyRaiseForm('Risk').actionType).toBe('Risk treatment');
    expect(emptyRaiseForm('Other').actionType).toBe('');
  });

  it('gives the trimmed values of a complete form', () => {
    expect(validateRaiseForm(filled, '2026-02-01', known)).toEqual({
      ok: true,
      values: { title: 'Brief the night shift', actionType: 'Corrective action', assigneeId: 'aisha@x', dueDate: '2026-03-01', priority: 'Medium', description: null },
    });
  });

  it('names one problem per field: title, type, someone in the directory, a due date from today', () => {
    const empty = validateRaiseForm({ ...emptyRaiseForm('Other') }, '2026-02-01', known);
    expect(empty.ok ? [] : empty.problems).toEqual([
      { field: 'title', code: 'titleRequired' },
      { field: 'actionType', code: 'typeRequired' },
      { field: 'assignee', code: 'assigneeRequired' },
      { field: 'dueDate', code: 'dueDateInvalid' },
    ]);
    const wrong = validateRaiseForm({ ...filled, title: 'x'.repeat(TITLE_MAX + 1), assigneeId: 'nobody@x', dueDate: '2026-01-31' }, '2026-02-01', known);
    expect(wrong.ok ? [] : wrong.problems).toEqual([
      { field: 'title', code: 'titleTooLong' },
      { field: 'assignee', code: 'assigneeRequired' },
      { field: 'dueDate', code: 'dueDatePast' },
    ]);
  });
});
