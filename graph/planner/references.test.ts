import { describe, expect, it } from 'vitest';
import { plannerExternalReference, plannerReferences, referenceKey, referenceUrl } from './references.js';

describe('Planner references', () => {
  it('encodes a URL as Planner keys references, and decodes it back', () => {
    const url = 'https://sms.example:8443/documents/SMS-POL-001?x=a%20b#top@me';
    const key = referenceKey(url);
    expect(key).toBe('https%3A//sms%2Eexample%3A8443/documents/SMS-POL-001?x=a%2520b%23top%40me');
    expect(key).not.toMatch(/[.:@#]/);
    expect(referenceUrl(key)).toBe(url);
  });

  it('builds the references patch with one plannerExternalReference per link', () => {
    expect(plannerReferences([{ url: 'https://a.example/x', alias: 'X in the SMS app' }, { url: 'https://b.example/f.md', alias: 'file', type: 'Word' }])).toEqual({
      'https%3A//a%2Eexample/x': { '@odata.type': '#microsoft.graph.plannerExternalReference', alias: 'X in the SMS app', type: 'Other' },
      'https%3A//b%2Eexample/f%2Emd': { '@odata.type': '#microsoft.graph.plannerExternalReference', alias: 'file', type: 'Word' },
    });
    expect(plannerExternalReference('a')).toEqual({ '@odata.type': '#microsoft.graph.plannerExternalReference', alias: 'a', type: 'Other' });
  });
});
