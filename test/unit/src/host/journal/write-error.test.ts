import { describe, expect, it } from 'vitest';
import { JournalWriteError } from '../../../../../src/host/journal';

const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

describe('JournalWriteError', () => {
  it.each([
    ['ENOSPC', 'disk-full', 'LBT-J01', /schijf is vol/],
    ['EDQUOT', 'disk-full', 'LBT-J01', /schijf is vol/],
    ['EROFS', 'read-only', 'LBT-J02', /alleen-lezen/],
    ['EACCES', 'read-only', 'LBT-J02', /alleen-lezen/],
    ['EIO', 'io-error', 'LBT-J03', /Schrijffout/],
  ])('maps %s to %s with a Dutch message ending in its code', (code, kind, messageCode, text) => {
    const error = JournalWriteError.from(errno(code), '/data/journals/s.lbtj', 'append');
    expect(error).toMatchObject({
      kind,
      code: messageCode,
      errno: code,
      file: '/data/journals/s.lbtj',
      phase: 'append',
    });
    expect(error.message).toMatch(text);
    expect(error.message).toMatch(new RegExp(`eerdere antwoorden zijn bewaard.*\\(code ${messageCode}\\)$`));
    expect(error.detail).toContain(code);
  });

  it('keeps an existing JournalWriteError as it is', () => {
    const inner = JournalWriteError.from(errno('ENOSPC'), 'f', 'append');
    expect(JournalWriteError.from(inner, 'g', 'repair')).toBe(inner);
  });
});
