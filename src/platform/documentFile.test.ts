import { describe, expect, it } from 'vitest';
import { fileKindOf, libraryVersionOfRelease, versionFileName } from './documentFile.js';

describe('libraryVersionOfRelease', () => {
  const v = (id: string, publishedVersion?: string) => ({ id, fields: publishedVersion === undefined ? {} : { PublishedVersion: publishedVersion } });

  it('finds the major library version whose metadata names the release label, not the version with the same number', () => {
    // Release 1.0 as library 1.0, release 1.1 (a minor revision) as library 3.0, re-checked in as 4.0 with the same release label.
    const versions = [v('4.0', '1.1'), v('3.1', '1.1'), v('3.0', '1.1'), v('2.1', '1.0'), v('2.0', '1.0'), v('1.0', '1.0')];
    expect(libraryVersionOfRelease(versions, '1.1')).toBe('3.0');
    expect(libraryVersionOfRelease(versions, '1.0')).toBe('1.0');
    expect(libraryVersionOfRelease(versions, '3.0')).toBeNull();
  });

  it('ignores minor (draft) versions that carry the label', () => {
    expect(libraryVersionOfRelease([v('2.0', '2.0'), v('1.1', '2.0'), v('1.0', '1.0')], '2.0')).toBe('2.0');
  });

  it('reads a file whose versions carry no release label by its library labels', () => {
    expect(libraryVersionOfRelease([v('3.0'), v('2.0'), v('1.0')], '2.0')).toBe('2.0');
    expect(libraryVersionOfRelease([v('3.0'), v('2.0')], '2.1')).toBeNull();
  });
});

describe('file names and kinds', () => {
  it('names a downloaded version and tells the kinds of file apart', () => {
    expect(versionFileName('SMS-POL-001 Policy.docx', '3.0')).toBe('SMS-POL-001 Policy (v3.0).docx');
    expect(versionFileName('README', '1.0')).toBe('README (v1.0)');
    expect([fileKindOf('a.DOCX'), fileKindOf('b.pdf'), fileKindOf('c.markdown'), fileKindOf('d.txt')]).toEqual(['docx', 'pdf', 'md', null]);
  });
});
