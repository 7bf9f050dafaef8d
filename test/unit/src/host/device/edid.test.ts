import { describe, expect, it } from 'vitest';
import { EdidError, parseEdid } from '../../../../../src/host/device/edid';
import { edidFixture } from '../../../../support/device-sample-facts';

function withChecksum(bytes: Uint8Array): Uint8Array {
  const copy = Uint8Array.from(bytes);
  const sum = copy.subarray(0, 127).reduce((total, byte) => total + byte, 0);
  copy[127] = (256 - (sum % 256)) % 256;
  return copy;
}

describe('EDID parsing (fixture panels)', () => {
  it.each([
    ['15.6', { width: 345, height: 194 }, { width: 35, height: 19 }, 15.6, 'LBT 156 FHD'],
    ['13.3', { width: 294, height: 165 }, { width: 29, height: 17 }, 13.3, 'LBT 133 FHD'],
    ['17.3', { width: 382, height: 215 }, { width: 38, height: 22 }, 17.3, 'LBT 173 FHD'],
  ] as const)(
    'reads the %s-inch panel: size in mm and cm, diagonal, name, mode',
    (name, mm, cm, inches, product) => {
      const edid = parseEdid(edidFixture(name));
      expect(edid).toMatchObject({
        manufacturer: 'LBT',
        version: '1.4',
        productName: product,
        sizeMm: mm,
        sizeCm: cm,
        diagonalInches: inches,
        sizeSource: 'edid-dtd',
        preferredMode: { width: 1920, height: 1080 },
        extensions: 0,
      });
    },
  );

  it('falls back to bytes 21-22 (cm) when the timing descriptor has no size', () => {
    const bytes = Uint8Array.from(edidFixture('13.3'));
    bytes[54 + 12] = 0;
    bytes[54 + 13] = 0;
    bytes[54 + 14] = 0;
    const edid = parseEdid(withChecksum(bytes));
    expect(edid.sizeMm).toBeNull();
    // Whole centimetres (29×17) are coarser than millimetres: 13,2 rather than 13,3 inch.
    expect(edid).toMatchObject({ sizeSource: 'edid-basic', diagonalInches: 13.2 });
  });

  it('ignores a descriptor size that disagrees with the cm size (aspect ratio written instead)', () => {
    const bytes = Uint8Array.from(edidFixture('17.3'));
    bytes[54 + 12] = 16;
    bytes[54 + 13] = 9;
    bytes[54 + 14] = 0;
    const edid = parseEdid(withChecksum(bytes));
    expect(edid).toMatchObject({ sizeSource: 'edid-basic', sizeMm: { width: 16, height: 9 } });
    expect(edid.diagonalInches).toBe(17.3);
  });

  it('reports no size for a projector-style EDID with zero sizes', () => {
    const bytes = Uint8Array.from(edidFixture('15.6'));
    bytes[21] = 0;
    bytes[22] = 0;
    bytes[54 + 12] = 0;
    bytes[54 + 13] = 0;
    bytes[54 + 14] = 0;
    expect(parseEdid(withChecksum(bytes))).toMatchObject({ diagonalInches: null, sizeSource: null });
  });

  it('refuses a wrong checksum, a missing header and a short block with a clear error', () => {
    const corrupt = Uint8Array.from(edidFixture('15.6'));
    corrupt[21]! += 1;
    expect(() => parseEdid(corrupt)).toThrow(EdidError);
    expect(() => parseEdid(corrupt)).toThrow(/checksum is wrong/);
    const headless = withChecksum(Uint8Array.from(edidFixture('15.6')).fill(0, 0, 8));
    expect(() => parseEdid(headless)).toThrow(/header is missing/);
    expect(() => parseEdid(edidFixture('15.6').subarray(0, 100))).toThrow(
      /100 bytes; a base block needs 128/,
    );
  });

  it('every fixture is exactly one 128-byte block whose bytes sum to 0 mod 256', () => {
    for (const name of ['15.6', '13.3', '17.3'] as const) {
      const bytes = edidFixture(name);
      expect(bytes).toHaveLength(128);
      expect(bytes.reduce((total, byte) => total + byte, 0) % 256).toBe(0);
    }
  });
});
