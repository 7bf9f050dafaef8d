import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PanelFacts } from '../../shared/device';
import { EdidError, parseEdid } from './edid';

export interface DrmScan {
  panels: PanelFacts[];
  /** Connectors whose `status` says connected; null when /sys/class/drm cannot be read at all. */
  connected: number | null;
  /** Connectors whose EDID could not be parsed, with why; shown in diagnostics, never fatal. */
  problems: string[];
}

async function readText(path: string): Promise<string | null> {
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch {
    return null;
  }
}

/**
 * Reads every connected DRM connector (`card0-eDP-1`, `card1-HDMI-A-1`, …) and parses its EDID. A missing
 * folder (containers, WSL, Windows) or an empty EDID file is tolerated: that panel's size is then unknown.
 */
export async function scanDrm(root = '/sys/class/drm'): Promise<DrmScan> {
  let entries: string[];
  try {
    entries = (await readdir(root)).filter((name) => /^card\d+-/.test(name)).sort();
  } catch {
    return { panels: [], connected: null, problems: [] };
  }
  const panels: PanelFacts[] = [];
  const problems: string[] = [];
  let connected = 0;
  for (const entry of entries) {
    if ((await readText(join(root, entry, 'status'))) !== 'connected') continue;
    connected++;
    const connector = entry.replace(/^card\d+-/, '');
    const internal = /^(eDP|LVDS|DSI)/.test(connector);
    let bytes: Buffer;
    try {
      bytes = await readFile(join(root, entry, 'edid'));
    } catch {
      bytes = Buffer.alloc(0);
    }
    if (bytes.length === 0) {
      panels.push(unknownPanel(connector, internal));
      continue;
    }
    try {
      const edid = parseEdid(bytes);
      panels.push({
        connector,
        manufacturer: edid.manufacturer,
        productName: edid.productName,
        sizeMm:
          edid.sizeMm ?? (edid.sizeCm && { width: edid.sizeCm.width * 10, height: edid.sizeCm.height * 10 }),
        diagonalInches: edid.diagonalInches,
        sizeSource: edid.sizeSource,
        internal,
      });
    } catch (error) {
      if (!(error instanceof EdidError)) throw error;
      problems.push(`${connector}: ${error.message}`);
      panels.push(unknownPanel(connector, internal));
    }
  }
  return { panels, connected, problems };
}

function unknownPanel(connector: string, internal: boolean): PanelFacts {
  return {
    connector,
    manufacturer: null,
    productName: null,
    sizeMm: null,
    diagonalInches: null,
    sizeSource: null,
    internal,
  };
}
