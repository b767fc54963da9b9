import { describe, expect, it } from 'vitest';
import { safeFileName } from './library.js';

describe('safeFileName', () => {
  it('replaces the characters SharePoint refuses and trims trailing dots and spaces', () => {
    expect(safeFileName('SMS-PRC-031 Change: "emergency" <fast>?.')).toBe('SMS-PRC-031 Change- -emergency- -fast--');
  });

  it('removes directional overrides and isolates, so the name reads as it is stored', () => {
    expect(safeFileName('SMS-POL-009 Policy \u202Efdp.exe')).toBe('SMS-POL-009 Policy fdp.exe');
    expect(safeFileName('SMS-POL-009 \u2066Policy\u2069 \u202Dnotes\u202C')).toBe('SMS-POL-009 Policy notes');
  });
});
