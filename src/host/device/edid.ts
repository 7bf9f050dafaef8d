/**
 * A parser for the 128-byte EDID 1.3/1.4 base block: just what the device check needs (who made the panel,
 * its name, its physical size and its preferred mode). Sizes come from two places in the block: bytes 21-22
 * (whole centimetres) and the first detailed timing descriptor (millimetres, more precise).
 */
export interface Edid {
  manufacturer: string;
  productCode: number;
  version: string;
  productName: string | null;
  /** Bytes 21-22: the maximum image size in cm; null when zero (projectors, undefined size). */
  sizeCm: { width: number; height: number } | null;
  /** Detailed timing descriptor bytes 12-14: the image size in mm; null when absent or zero. */
  sizeMm: { width: number; height: number } | null;
  preferredMode: { width: number; height: number } | null;
  /** Diagonal in inches from the most precise size available, rounded to 0.1. */
  diagonalInches: number | null;
  sizeSource: 'edid-dtd' | 'edid-basic' | null;
  extensions: number;
}

export class EdidError extends Error {
  override readonly name = 'EdidError';
}

const HEADER = [0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00];
const MM_PER_INCH = 25.4;

/** Three 5-bit letters packed big-endian into bytes 8-9 ("A" = 1). */
function manufacturerId(high: number, low: number): string {
  const word = (high << 8) | low;
  return [10, 5, 0].map((shift) => String.fromCharCode(64 + ((word >> shift) & 0x1f))).join('');
}

function descriptorText(block: Uint8Array, offset: number): string {
  const raw = block.subarray(offset + 5, offset + 18);
  let text = '';
  for (const byte of raw) {
    if (byte === 0x0a) break;
    text += String.fromCharCode(byte);
  }
  return text.trim();
}

export function diagonalOf(widthMm: number, heightMm: number): number {
  return Math.round((Math.hypot(widthMm, heightMm) / MM_PER_INCH) * 10) / 10;
}

/**
 * Prefer the millimetre size of the detailed timing descriptor, but only when it agrees with the
 * centimetre size to within 1.5 cm: some panels put an aspect ratio or garbage there instead.
 */
function chooseSize(cm: Edid['sizeCm'], mm: Edid['sizeMm']): Pick<Edid, 'diagonalInches' | 'sizeSource'> {
  const mmAgrees =
    mm && (!cm || (Math.abs(mm.width - cm.width * 10) <= 15 && Math.abs(mm.height - cm.height * 10) <= 15));
  if (mm && mmAgrees) return { diagonalInches: diagonalOf(mm.width, mm.height), sizeSource: 'edid-dtd' };
  if (cm) return { diagonalInches: diagonalOf(cm.width * 10, cm.height * 10), sizeSource: 'edid-basic' };
  return { diagonalInches: null, sizeSource: null };
}

export function parseEdid(bytes: Uint8Array): Edid {
  if (bytes.length < 128) throw new EdidError(`EDID is ${bytes.length} bytes; a base block needs 128.`);
  const block = bytes.subarray(0, 128);
  if (!HEADER.every((byte, i) => block[i] === byte)) throw new EdidError('EDID header is missing.');
  const sum = block.reduce((total, byte) => total + byte, 0);
  if (sum % 256 !== 0) throw new EdidError(`EDID checksum is wrong (sum mod 256 = ${sum % 256}).`);

  const sizeCm = block[21]! > 0 && block[22]! > 0 ? { width: block[21]!, height: block[22]! } : null;
  let sizeMm: Edid['sizeMm'] = null;
  let preferredMode: Edid['preferredMode'] = null;
  let productName: string | null = null;
  for (const offset of [54, 72, 90, 108]) {
    const pixelClock = block[offset]! | (block[offset + 1]! << 8);
    if (pixelClock !== 0) {
      // A detailed timing descriptor; the first one is the preferred mode (EDID 1.4 §3.10.2).
      if (preferredMode) continue;
      preferredMode = {
        width: block[offset + 2]! | ((block[offset + 4]! & 0xf0) << 4),
        height: block[offset + 5]! | ((block[offset + 7]! & 0xf0) << 4),
      };
      const width = block[offset + 12]! | ((block[offset + 14]! & 0xf0) << 4);
      const height = block[offset + 13]! | ((block[offset + 14]! & 0x0f) << 8);
      if (width > 0 && height > 0) sizeMm = { width, height };
    } else if (block[offset + 3] === 0xfc) {
      productName = descriptorText(block, offset);
    }
  }
  return {
    manufacturer: manufacturerId(block[8]!, block[9]!),
    productCode: block[10]! | (block[11]! << 8),
    version: `${block[18]}.${block[19]}`,
    productName,
    sizeCm,
    sizeMm,
    preferredMode,
    ...chooseSize(sizeCm, sizeMm),
    extensions: block[126]!,
  };
}
