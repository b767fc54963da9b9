import { describe, expect, it } from 'vitest';
import { ackCampaigns, ackRequests, CAMPAIGN_STATUSES as SCHEMA_CAMPAIGN_STATUSES, REQUEST_STATUSES as SCHEMA_REQUEST_STATUSES } from '../../../graph/schema/acknowledgements.js';
import { columnOf } from '../../../graph/schema/index.js';
import { CAMPAIGN_STATUSES, REQUEST_STATUSES, type AckCampaign } from '../../domain/acknowledgements/index.js';
import { acknowledgementOf, newRequestFields, requestOf } from './mapping.js';

describe('acknowledgement items', () => {
  it('the rules know exactly the statuses the lists hold', () => {
    expect([...REQUEST_STATUSES]).toEqual([...SCHEMA_REQUEST_STATUSES]);
    expect([...CAMPAIGN_STATUSES]).toEqual([...SCHEMA_CAMPAIGN_STATUSES]);
  });

  it('a new request writes only columns its list has, and reads back as the same request', () => {
    const campaign: Pick<AckCampaign, 'id' | 'releaseId' | 'docId' | 'docTitle' | 'versionLabel' | 'dueDate'> = { id: '4', releaseId: 12, docId: 'SMS-POL-001', docTitle: 'Policy', versionLabel: '3.0', dueDate: '2026-12-21' };
    const fields = newRequestFields(campaign, { userId: 'ABC', upn: 'Jack@Kestrel.example', name: 'Jack Turner', department: 'Service Desk' }, '2026-12-07T10:00:00Z');
    for (const name of Object.keys(fields)) expect(columnOf(ackRequests, name), name).toBeTruthy();
    const back = requestOf({ id: '9', fields: { ...fields, DueDate: '2026-12-21T00:00:00Z' } } as never);
    expect(back).toMatchObject({ key: '12:abc', campaignId: 4, releaseId: 12, userId: 'abc', userUpn: 'jack@kestrel.example', department: 'Service Desk', status: 'Pending', dueDate: '2026-12-21' });
    expect(ackCampaigns.columns.some((c) => c.name === 'StartKey' && c.unique)).toBe(true);
  });

  it('an acknowledgement carries who the server stamped as its creator, and whether it changed since', () => {
    const item = {
      id: '3',
      createdBy: { user: { id: 'ABC', email: 'jack@kestrel.example' } },
      lastModifiedBy: { user: { id: 'tom', email: 'tom@kestrel.example' } },
      createdDateTime: '2026-12-07T10:00:00Z',
      lastModifiedDateTime: '2026-12-08T10:00:00Z',
      fields: { AckKey: '12:abc', DocumentVersionId: 12, UserId: 'abc', UserUPN: 'jack@kestrel.example', _UIVersionString: '2.0' },
    };
    expect(acknowledgementOf(item as never).stamp).toEqual({ createdById: 'ABC', createdByEmail: 'jack@kestrel.example', createdAt: '2026-12-07T10:00:00Z', edited: true });
  });
});
