/**
 * Checks that a package sound file is a playable container and reads its duration, without decoding audio:
 * Ogg Opus (RFC 3533 pages with CRC, RFC 7845 OpusHead, duration from the last granule position) or PCM WAV
 * (RIFF with fmt and data chunks). A file that is truncated, corrupted or silent-by-construction (zero length)
 * is refused with a reason, so the package test can say exactly which file will not play.
 */
export type AudioProbe =
  | { ok: true; container: 'ogg-opus' | 'wav'; channels: number; sampleRate: number; durationMs: number }
  | { ok: false; reason: string };

const fail = (reason: string): AudioProbe => ({ ok: false, reason });
const ascii = (b: Uint8Array, at: number, n: number): string =>
  String.fromCharCode(...b.subarray(at, at + n));

export function probeAudio(bytes: Uint8Array): AudioProbe {
  if (bytes.length >= 4 && ascii(bytes, 0, 4) === 'OggS') return probeOgg(bytes);
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WAVE')
    return probeWav(bytes);
  return fail('neither an Ogg nor a RIFF/WAVE file');
}

/** Ogg's CRC-32: polynomial 0x04c11db7, not reflected, initial value 0, over the page with its CRC field zeroed. */
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i << 24;
    for (let k = 0; k < 8; k++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
    t[i] = r >>> 0;
  }
  return t;
})();
function oggCrc(page: Uint8Array): number {
  let crc = 0;
  for (let i = 0; i < page.length; i++) {
    const byte = i >= 22 && i < 26 ? 0 : page[i]!;
    crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ byte) & 0xff]!) >>> 0;
  }
  return crc;
}

function probeOgg(bytes: Uint8Array): AudioProbe {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  let pages = 0;
  let serial = 0;
  let lastGranule = -1n;
  let sawEos = false;
  let head: { channels: number; preSkip: number; sampleRate: number } | null = null;
  while (at < bytes.length) {
    if (sawEos) return fail(`data after the end-of-stream page at byte ${at}`);
    if (at + 27 > bytes.length) return fail(`truncated page header at byte ${at}`);
    if (ascii(bytes, at, 4) !== 'OggS') return fail(`no Ogg page at byte ${at}`);
    if (bytes[at + 4] !== 0) return fail(`unknown Ogg version at byte ${at}`);
    const flags = bytes[at + 5]!;
    const granule = view.getBigInt64(at + 6, true);
    const pageSerial = view.getUint32(at + 14, true);
    const sequence = view.getUint32(at + 18, true);
    const segments = bytes[at + 26]!;
    if (at + 27 + segments > bytes.length) return fail(`truncated segment table at byte ${at}`);
    let bodyLength = 0;
    for (let i = 0; i < segments; i++) bodyLength += bytes[at + 27 + i]!;
    const end = at + 27 + segments + bodyLength;
    if (end > bytes.length) return fail(`truncated page body at byte ${at}`);
    if (oggCrc(bytes.subarray(at, end)) !== view.getUint32(at + 22, true))
      return fail(`bad CRC in page ${pages}`);
    if (pages === 0) {
      if ((flags & 0x02) === 0) return fail('first page is not marked beginning-of-stream');
      serial = pageSerial;
      const body = at + 27 + segments;
      if (bodyLength < 19 || ascii(bytes, body, 8) !== 'OpusHead')
        return fail('first packet is not OpusHead');
      head = {
        channels: bytes[body + 9]!,
        preSkip: view.getUint16(body + 10, true),
        sampleRate: view.getUint32(body + 12, true),
      };
      if (head.channels === 0) return fail('OpusHead says zero channels');
    } else if (pageSerial !== serial) {
      return fail(`page ${pages} belongs to another stream (chained or multiplexed Ogg is not supported)`);
    }
    if (sequence !== pages) return fail(`page ${pages} has sequence number ${sequence}: a page is missing`);
    if (granule !== -1n) lastGranule = granule;
    sawEos = (flags & 0x04) !== 0;
    pages++;
    at = end;
  }
  if (!head) return fail('empty file');
  if (!sawEos) return fail('the stream has no end-of-stream page (truncated?)');
  // Opus granule positions count 48 kHz samples, whatever the input rate was.
  const samples = Number(lastGranule) - head.preSkip;
  if (samples <= 0) return fail('zero duration');
  return {
    ok: true,
    container: 'ogg-opus',
    channels: head.channels,
    sampleRate: head.sampleRate,
    durationMs: (samples / 48000) * 1000,
  };
}

function probeWav(bytes: Uint8Array): AudioProbe {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(4, true) + 8 > bytes.length)
    return fail('RIFF size is larger than the file (truncated?)');
  let fmt: { channels: number; sampleRate: number; byteRate: number } | null = null;
  let dataBytes = -1;
  for (let at = 12; at + 8 <= bytes.length;) {
    const id = ascii(bytes, at, 4);
    const size = view.getUint32(at + 4, true);
    if (at + 8 + size > bytes.length) return fail(`chunk "${id}" runs past the end of the file`);
    if (id === 'fmt ') {
      if (size < 16) return fail('fmt chunk too short');
      fmt = {
        channels: view.getUint16(at + 10, true),
        sampleRate: view.getUint32(at + 12, true),
        byteRate: view.getUint32(at + 16, true),
      };
    } else if (id === 'data') {
      dataBytes = size;
    }
    at += 8 + size + (size % 2);
  }
  if (!fmt) return fail('no fmt chunk');
  if (dataBytes < 0) return fail('no data chunk');
  if (fmt.channels === 0 || fmt.byteRate === 0) return fail('fmt chunk says zero channels or zero byte rate');
  if (dataBytes === 0) return fail('zero duration');
  return {
    ok: true,
    container: 'wav',
    channels: fmt.channels,
    sampleRate: fmt.sampleRate,
    durationMs: (dataBytes / fmt.byteRate) * 1000,
  };
}
