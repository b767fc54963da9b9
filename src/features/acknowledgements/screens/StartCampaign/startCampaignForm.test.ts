import { describe, expect, it } from 'vitest';
import { peopleOf, startKeyOf, validateStartForm, type StartForm } from './startCampaignForm.js';

const TODAY = '2026-12-07';
const valid: StartForm = { releaseId: '12', audience: 'allStaff', groupIds: [], people: '', dueDate: '2026-12-21' };

describe('the "Start a campaign" form', () => {
  it('accepts a release, an audience and a due date from today on', () => {
    expect(validateStartForm({ ...valid, dueDate: TODAY }, TODAY)).toEqual({ ok: true, values: { releaseId: 12, audience: 'allStaff', groupIds: [], people: [], dueDate: TODAY } });
    expect(validateStartForm({ ...valid, audience: 'groups', groupIds: ['g1'] }, TODAY).ok).toBe(true);
  });

  it('names each problem once, by field', () => {
    expect(validateStartForm({ releaseId: '', audience: 'groups', groupIds: [], people: '', dueDate: '' }, TODAY)).toEqual({
      ok: false,
      problems: [
        { field: 'release', code: 'releaseRequired' },
        { field: 'dueDate', code: 'dueDateInvalid' },
        { field: 'groups', code: 'groupsRequired' },
      ],
    });
    expect(validateStartForm({ ...valid, dueDate: '2026-12-06' }, TODAY)).toEqual({ ok: false, problems: [{ field: 'dueDate', code: 'dueDatePast' }] });
    expect(validateStartForm({ ...valid, dueDate: '2026-02-30' }, TODAY)).toEqual({ ok: false, problems: [{ field: 'dueDate', code: 'dueDateInvalid' }] });
    expect(validateStartForm({ ...valid, audience: 'people', people: ' \n ' }, TODAY)).toEqual({ ok: false, problems: [{ field: 'people', code: 'peopleRequired' }] });
    expect(validateStartForm({ ...valid, audience: 'people', people: 'jack@kestrel.example; nobody' }, TODAY)).toEqual({ ok: false, problems: [{ field: 'people', code: 'peopleInvalid', values: ['nobody'] }] });
  });

  it('reads people typed one per line or separated by commas or semicolons, each once', () => {
    expect(peopleOf('Jack@Kestrel.example,\nsofia@kestrel.example; jack@kestrel.example ')).toEqual(['jack@kestrel.example', 'sofia@kestrel.example']);
  });

  it('keeps the start key for the same request and changes it for another', () => {
    const a = validateStartForm({ ...valid, audience: 'people', people: 'b@x.example, a@x.example' }, TODAY);
    const b = validateStartForm({ ...valid, audience: 'people', people: 'a@x.example\nb@x.example' }, TODAY);
    const c = validateStartForm({ ...valid, audience: 'people', people: 'a@x.example' }, TODAY);
    if (!a.ok || !b.ok || !c.ok) throw new Error('valid forms');
    expect(startKeyOf('dialog-1', a.values)).toBe(startKeyOf('dialog-1', b.values));
    expect(startKeyOf('dialog-1', a.values)).not.toBe(startKeyOf('dialog-1', c.values));
    expect(startKeyOf('dialog-2', a.values)).not.toBe(startKeyOf('dialog-1', a.values));
  });
});
