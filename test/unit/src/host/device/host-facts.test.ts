import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  collectHostFacts,
  DeviceFactsFileError,
  readFactsFile,
} from '../../../../../src/host/device/collect';
import { scanDrm } from '../../../../../src/host/device/linux-drm';
import { readLinuxPower } from '../../../../../src/host/device/power';
import { detectKioskAccount, readFreeDisk, readLinuxAudio } from '../../../../../src/host/device/system';
import { parseWmiMonitors, WmiOutputError } from '../../../../../src/host/device/windows-wmi';
import { edidFixture, host } from '../../../../support/device-sample-facts';

function tree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'lbt-sysfs-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

describe('Linux DRM connectors', () => {
  it('reads connected panels, skips disconnected ones and tolerates empty or broken EDID', async () => {
    const broken = Buffer.from(edidFixture('15.6'));
    broken[30]! ^= 0xff;
    const root = tree({
      'card0-eDP-1/status': 'connected\n',
      'card0-eDP-1/edid': edidFixture('15.6'),
      'card0-HDMI-A-1/status': 'disconnected\n',
      'card0-HDMI-A-1/edid': '',
      'card0-DP-1/status': 'connected\n',
      'card0-DP-1/edid': broken,
      'card0-DP-2/status': 'connected\n',
      'card0-DP-2/edid': '',
      'card0/dev': '226:0',
      version: 'drm 1.1.0',
    });
    const scan = await scanDrm(root);
    expect(scan.connected).toBe(3);
    expect(scan.panels.map((panel) => [panel.connector, panel.diagonalInches, panel.internal])).toEqual([
      ['DP-1', null, false],
      ['DP-2', null, false],
      ['eDP-1', 15.6, true],
    ]);
    expect(scan.problems).toEqual([expect.stringMatching(/^DP-1: EDID checksum is wrong/)]);
  });

  it('returns nothing known when /sys/class/drm is absent', async () => {
    await expect(scanDrm('/nonexistent/drm')).resolves.toEqual({ panels: [], connected: null, problems: [] });
  });
});

describe('power supply', () => {
  it('reads battery charge and whether the charger is in', async () => {
    const root = tree({
      'AC/type': 'Mains',
      'AC/online': '0',
      'BAT0/type': 'Battery',
      'BAT0/capacity': '37',
      'BAT0/status': 'Discharging',
      'hid-mouse/type': 'Battery',
      'hid-mouse/scope': 'Device',
      'hid-mouse/capacity': '5',
    });
    await expect(readLinuxPower(root)).resolves.toEqual({ onBattery: true, batteryPercent: 37 });
    writeFileSync(join(root, 'AC/online'), '1');
    await expect(readLinuxPower(root)).resolves.toEqual({ onBattery: false, batteryPercent: 37 });
  });

  it('treats a desktop without battery as on mains, and an unreadable folder as unknown', async () => {
    await expect(readLinuxPower(tree({ 'x/type': 'USB' }))).resolves.toEqual({
      onBattery: false,
      batteryPercent: null,
    });
    await expect(readLinuxPower('/nonexistent/ps')).resolves.toEqual({
      onBattery: null,
      batteryPercent: null,
    });
  });
});

describe('Windows WMI output', () => {
  it('parses one monitor (an object) and several (an array), skipping inactive ones', () => {
    const one =
      '{"InstanceName":"DISPLAY\\\\LBT1560\\\\4&2b3c&0&UID265988_0","Active":true,"MaxHorizontalImageSize":34,"MaxVerticalImageSize":19,"VideoInputType":1}';
    expect(parseWmiMonitors(one)).toEqual([
      {
        connector: 'DISPLAY\\LBT1560\\4&2b3c&0&UID265988_0',
        manufacturer: 'LBT',
        productName: 'LBT1560',
        sizeMm: { width: 340, height: 190 },
        diagonalInches: 15.3,
        sizeSource: 'wmi',
        internal: null,
      },
    ]);
    const many = JSON.stringify([
      { InstanceName: 'DISPLAY\\A\\1', Active: true, MaxHorizontalImageSize: 29, MaxVerticalImageSize: 17 },
      { InstanceName: 'DISPLAY\\B\\1', Active: false, MaxHorizontalImageSize: 60, MaxVerticalImageSize: 34 },
      { InstanceName: 'DISPLAY\\C\\1', Active: true, MaxHorizontalImageSize: 0, MaxVerticalImageSize: 0 },
    ]);
    expect(parseWmiMonitors(many).map((p) => [p.productName, p.diagonalInches])).toEqual([
      ['A', 13.2],
      ['C', null],
    ]);
    expect(parseWmiMonitors('  \r\n')).toEqual([]);
  });

  it('refuses output that is not JSON or not monitors', () => {
    expect(() => parseWmiMonitors('Get-CimInstance : Access denied')).toThrow(WmiOutputError);
    expect(() => parseWmiMonitors('{"foo":1}')).toThrow(/does not describe monitors/);
  });
});

describe('disk, audio, kiosk account', () => {
  it('measures free space with statfs and says null for a missing path', async () => {
    const free = await readFreeDisk(tmpdir());
    expect(free.freeMegabytes).toBeGreaterThan(0);
    await expect(readFreeDisk('/nonexistent/lbt')).resolves.toEqual({
      path: '/nonexistent/lbt',
      freeMegabytes: null,
    });
  });

  it('counts ALSA cards', async () => {
    const cards = tree({
      cards:
        ' 0 [PCH            ]: HDA-Intel - HDA Intel PCH\n                      HDA Intel PCH at 0xf\n 1 [HDMI           ]: HDA-Intel - HDA\n',
    });
    await expect(readLinuxAudio(join(cards, 'cards'))).resolves.toEqual({ outputDevices: 2, source: 'alsa' });
    await expect(readLinuxAudio('/nonexistent/cards')).resolves.toEqual({
      outputDevices: null,
      source: null,
    });
  });

  it('detects the kiosk account by the setup variable or the account name', () => {
    expect(detectKioskAccount({ LBT_KIOSK_ACCOUNT: '1' }, 'someone')).toEqual({
      detected: true,
      account: 'someone',
      via: 'env',
    });
    expect(detectKioskAccount({}, 'LBT-Kiosk')).toMatchObject({ detected: true, via: 'username' });
    expect(detectKioskAccount({ LBT_KIOSK_ACCOUNT: '0' }, 'jan')).toEqual({
      detected: false,
      account: 'jan',
      via: null,
    });
  });
});

describe('LBT_DEVICE_FACTS_FILE seam', () => {
  it('replaces the measured facts with the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lbt-facts-'));
    const file = join(dir, 'facts.json');
    writeFileSync(file, JSON.stringify(host()));
    await expect(collectHostFacts({ dataDir: dir, env: { LBT_DEVICE_FACTS_FILE: file } })).resolves.toEqual(
      host(),
    );
  });

  it('refuses a missing, non-JSON or wrongly shaped file with a clear error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lbt-facts-'));
    await expect(readFactsFile(join(dir, 'none.json'))).rejects.toThrow(/cannot be read/);
    writeFileSync(join(dir, 'bad.json'), '{not json');
    await expect(readFactsFile(join(dir, 'bad.json'))).rejects.toThrow(/not valid JSON/);
    writeFileSync(join(dir, 'shape.json'), JSON.stringify({ ...host(), connectedDisplays: 'one' }));
    await expect(readFactsFile(join(dir, 'shape.json'))).rejects.toThrow(DeviceFactsFileError);
    await expect(readFactsFile(join(dir, 'shape.json'))).rejects.toThrow(/connectedDisplays/);
  });

  it('without the seam measures this machine without throwing', async () => {
    const facts = await collectHostFacts({ dataDir: tmpdir(), env: {} });
    expect(facts.os.platform).toBe(process.platform);
    expect(facts.disk.freeMegabytes).toBeGreaterThan(0);
  });
});
