import { describe, expect, it } from 'vitest';
import { campaignProperty, documentOrCampaignProperty, documentProperty, parseWebPartProperties, registerProperty } from './properties.js';

describe('parseWebPartProperties', () => {
  it('reads the properties a web part declares from its address', () => {
    expect(parseWebPartProperties([documentProperty], '?host=sharepoint&doc=SMS-POL-001')).toEqual({ status: 'ok', values: { doc: 'SMS-POL-001' } });
    expect(parseWebPartProperties([registerProperty], '?register=%20risks%20')).toEqual({ status: 'ok', values: { register: 'risks' } });
    expect(parseWebPartProperties([], '?host=sharepoint&theme=dark')).toEqual({ status: 'ok', values: {} });
  });

  it('says which required properties are missing and which are not valid', () => {
    expect(parseWebPartProperties([documentProperty], '?host=sharepoint')).toEqual({ status: 'invalid', missing: [documentProperty], invalid: [] });
    expect(parseWebPartProperties([documentProperty, registerProperty], '?doc=policy&register=')).toEqual({
      status: 'invalid',
      missing: [registerProperty],
      invalid: [documentProperty],
    });
    expect(parseWebPartProperties([registerProperty], '?register=smsSettings')).toEqual({ status: 'invalid', missing: [], invalid: [registerProperty] });
  });

  it('takes either of two "one of" properties, and asks for both when neither is given', () => {
    const props = [documentOrCampaignProperty, campaignProperty];
    expect(parseWebPartProperties(props, '?doc=SMS-POL-001')).toEqual({ status: 'ok', values: { doc: 'SMS-POL-001' } });
    expect(parseWebPartProperties(props, '?campaign=4')).toEqual({ status: 'ok', values: { campaign: '4' } });
    expect(parseWebPartProperties(props, '?host=sharepoint')).toEqual({ status: 'invalid', missing: props, invalid: [] });
    expect(parseWebPartProperties(props, '?campaign=four')).toEqual({ status: 'invalid', missing: [], invalid: [campaignProperty] });
  });
});
