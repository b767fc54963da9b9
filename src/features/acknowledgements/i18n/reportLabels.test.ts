import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { createI18n } from '../../../app/i18n/i18n.js';
import type { CampaignRefusalCode } from '../../../platform/acknowledgements/campaigns.js';
import { campaignRefusalText } from './reportLabels.js';

const CODES: readonly CampaignRefusalCode[] = ['notAllowedFromStatus', 'notPermitted', 'reasonRequired', 'notOwnRequest', 'notYetDue', 'audienceEmpty', 'dueDateInvalid', 'dueDatePast', 'campaignNotOpen'];

describe('campaignRefusalText', () => {
  it('words every refusal of the rules and the engine in English and in Chinese, never as its key or in English for Chinese', () => {
    const en = createI18n('en').t as TFunction;
    const zh = createI18n('zh-CN').t as TFunction;
    for (const code of CODES) {
      const english = campaignRefusalText(en, code);
      const chinese = campaignRefusalText(zh, code);
      expect(english, code).not.toMatch(/^ack(Campaign|Report)\./);
      expect(chinese, code).not.toMatch(/^ack(Campaign|Report)\./);
      expect(chinese, code).toMatch(/[\u4e00-\u9fff]/);
      expect(chinese, code).not.toBe(english);
    }
  });
});
