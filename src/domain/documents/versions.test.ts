import { describe, expect, it } from 'vitest';
import { compareVersionLabels, isPublishedLabel, isVersionLabel, nextVersionLabel, parseVersionLabel } from './versions.js';

describe('nextVersionLabel', () => {
  it('walks 0.1 → 0.2 → 1.0 → 1.1 → 2.0', () => {
    const steps: ['minor' | 'major', string][] = [
      ['minor', '0.2'],
      ['major', '1.0'],
      ['minor', '1.1'],
      ['major', '2.0'],
    ];
    let label = '0.1';
    for (const [kind, expected] of steps) {
      label = nextVersionLabel(label, kind);
      expect(label).toBe(expected);
    }
  });

  it('starts a new document at 0.1 (draft) or 1.0 (first release)', () => {
    expect(nextVersionLabel(null, 'minor')).toBe('0.1');
    expect(nextVersionLabel(null, 'major')).toBe('1.0');
  });

  it('counts minor parts past 9 numerically and resets them on a major step', () => {
    expect(nextVersionLabel('1.9', 'minor')).toBe('1.10');
    expect(nextVersionLabel('1.10', 'minor')).toBe('1.11');
    expect(nextVersionLabel('1.10', 'major')).toBe('2.0');
    expect(nextVersionLabel('2.1', 'minor')).toBe('2.2');
  });

  it('refuses labels that are not major.minor', () => {
    for (const bad of ['', '1', '1.', 'v1.0', '1.0.1', '01.0', '1.01', '0.0', 'abc', '-1.0']) {
      expect(() => nextVersionLabel(bad, 'minor'), bad).toThrow(RangeError);
    }
  });
});

describe('isPublishedLabel / isVersionLabel / parse / compare', () => {
  it('treats n.0 (n ≥ 1) as a published library version and minors as drafts', () => {
    expect(isPublishedLabel('1.0')).toBe(true);
    expect(isPublishedLabel('12.0')).toBe(true);
    expect(isPublishedLabel('0.1')).toBe(false);
    expect(isPublishedLabel('0.0')).toBe(false);
    expect(isPublishedLabel('1.1')).toBe(false);
    expect(isPublishedLabel('2.10')).toBe(false);
    expect(isPublishedLabel('2')).toBe(false);
    expect(isPublishedLabel('garbage')).toBe(false);
  });

  it('parses and validates labels', () => {
    expect(parseVersionLabel('2.1')).toEqual({ major: 2, minor: 1 });
    expect(parseVersionLabel(' 3.0 ')).toEqual({ major: 3, minor: 0 });
    expect(parseVersionLabel('3')).toBeUndefined();
    expect(isVersionLabel('0.1')).toBe(true);
    expect(isVersionLabel('0.0')).toBe(false);
  });

  it('orders labels numerically', () => {
    expect(['2.0', '1.10', '1.9', '0.1'].sort(compareVersionLabels)).toEqual(['0.1', '1.9', '1.10', '2.0']);
    expect(compareVersionLabels('2.1', '2.1')).toBe(0);
    expect(() => compareVersionLabels('x', '1.0')).toThrow(RangeError);
  });
});
