import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { probeAudio } from '../../../../../src/host/items/audio-probe';
import { PACKAGE } from '../../../../support/items-content-package-files';

const ogg = readFileSync(join(PACKAGE, 'instructions/nl/welcome.ogg'));

/** A PCM WAV of `samples` 16-bit mono samples at 8 kHz, with an optional extra chunk before the data. */
function wav(samples: number, extraChunk = false): Buffer {
  const data = Buffer.alloc(samples * 2, 1);
  const fmt = Buffer.alloc(24);
  fmt.write('fmt ', 0, 'ascii');
  fmt.writeUInt32LE(16, 4);
  fmt.writeUInt16LE(1, 8); // PCM
  fmt.writeUInt16LE(1, 10); // mono
  fmt.writeUInt32LE(8000, 12);
  fmt.writeUInt32LE(16000, 16); // byte rate
  fmt.writeUInt16LE(2, 20);
  fmt.writeUInt16LE(16, 22);
  const list = Buffer.from('LIST\x03\x00\x00\x00abc\x00', 'binary'); // odd size: padded to even
  const dataHeader = Buffer.alloc(8);
  dataHeader.write('data', 0, 'ascii');
  dataHeader.writeUInt32LE(data.length, 4);
  const body = Buffer.concat([Buffer.from('WAVE'), fmt, ...(extraChunk ? [list] : []), dataHeader, data]);
  const riff = Buffer.alloc(8);
  riff.write('RIFF', 0, 'ascii');
  riff.writeUInt32LE(body.length, 4);
  return Buffer.concat([riff, body]);
}

describe('probeAudio: Ogg Opus', () => {
  it('reads channels and a plausible duration from a generated instruction', () => {
    const p = probeAudio(ogg);
    expect(p.ok && p.container).toBe('ogg-opus');
    if (!p.ok) return;
    expect(p.channels).toBe(1);
    expect(p.durationMs).toBeGreaterThan(3000);
    expect(p.durationMs).toBeLessThan(30000);
  });

  it('refuses a truncated file', () => {
    const p = probeAudio(ogg.subarray(0, ogg.length - 100));
    expect(p).toMatchObject({ ok: false });
  });

  it('refuses a file with one changed byte (page CRC)', () => {
    const copy = Buffer.from(ogg);
    copy[Math.floor(copy.length / 2)]! ^= 0x40;
    expect(probeAudio(copy)).toMatchObject({ ok: false, reason: expect.stringMatching(/CRC|page/) });
  });

  it('refuses a stream cut at a page boundary (no end-of-stream page)', () => {
    const lastPage = ogg.lastIndexOf(Buffer.from('OggS'));
    expect(probeAudio(ogg.subarray(0, lastPage))).toEqual({
      ok: false,
      reason: expect.stringMatching(/end-of-stream/),
    });
  });

  it('refuses Ogg that is not Opus', () => {
    const copy = Buffer.from(ogg);
    copy.write('VorbHead', copy.indexOf('OpusHead'), 'ascii');
    expect(probeAudio(copy).ok).toBe(false);
  });
});

describe('probeAudio: WAV', () => {
  it('reads a PCM WAV, skipping other chunks', () => {
    expect(probeAudio(wav(8000, true))).toEqual({
      ok: true,
      container: 'wav',
      channels: 1,
      sampleRate: 8000,
      durationMs: 1000,
    });
  });

  it('refuses a WAV without samples', () => {
    expect(probeAudio(wav(0))).toEqual({ ok: false, reason: 'zero duration' });
  });

  it('refuses a truncated WAV', () => {
    expect(probeAudio(wav(8000).subarray(0, 5000)).ok).toBe(false);
  });
});

describe('probeAudio: other input', () => {
  it('refuses empty, text and unknown files', () => {
    expect(probeAudio(new Uint8Array()).ok).toBe(false);
    expect(probeAudio(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')).ok).toBe(false);
    expect(probeAudio(Buffer.from('OggS')).ok).toBe(false);
  });
});
