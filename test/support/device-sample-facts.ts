import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseEdid } from '../../src/host/device/edid';
import type { HostFacts, PageFacts, PanelFacts } from '../../src/shared/device';

export const EDID_DIR = resolve(import.meta.dirname, '../fixtures/edid');

export function edidFixture(name: '15.6' | '13.3' | '17.3'): Buffer {
  return readFileSync(join(EDID_DIR, `panel-${name}in-1920x1080.bin`));
}

/** A panel as the host reports it after parsing a fixture EDID. */
export function panelFrom(name: '15.6' | '13.3' | '17.3', connector = 'eDP-1'): PanelFacts {
  const edid = parseEdid(edidFixture(name));
  return {
    connector,
    manufacturer: edid.manufacturer,
    productName: edid.productName,
    sizeMm: edid.sizeMm,
    diagonalInches: edid.diagonalInches,
    sizeSource: edid.sizeSource,
    internal: connector.startsWith('eDP'),
  };
}

/** What a compliant laptop's page reports: 1920×1080 at 100%, a touchscreen, one display. */
export function page(overrides: Partial<PageFacts> = {}): PageFacts {
  return {
    screen: { width: 1920, height: 1080 },
    availScreen: { width: 1920, height: 1080 },
    viewport: { width: 1920, height: 1080 },
    devicePixelRatio: 1,
    maxTouchPoints: 10,
    pointerCoarse: true,
    anyPointerCoarse: true,
    screenIsExtended: false,
    ...overrides,
  };
}

/** A compliant laptop's host facts: one 15.6-inch panel, on the charger, plenty of disk, kiosk account. */
export function host(overrides: Partial<HostFacts> = {}): HostFacts {
  return {
    panels: [panelFrom('15.6')],
    connectedDisplays: 1,
    power: { onBattery: false, batteryPercent: 80 },
    disk: { path: '/var/lib/lbt', freeMegabytes: 20_000 },
    audio: { outputDevices: 1, source: 'alsa' },
    os: { platform: 'linux', release: '6.1.0', arch: 'x64', version: null },
    kioskAccount: { detected: true, account: 'lbt-kiosk', via: 'username' },
    ...overrides,
  };
}
