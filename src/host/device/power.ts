import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HostFacts } from '../../shared/device';

async function read(path: string): Promise<string | null> {
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch {
    return null;
  }
}

/**
 * Battery and charger from /sys/class/power_supply. A "Mains" supply that is online means the charger is
 * in; without a Mains entry the battery's own status ("Discharging") decides. No battery at all (a desktop)
 * counts as on mains power.
 */
export async function readLinuxPower(root = '/sys/class/power_supply'): Promise<HostFacts['power']> {
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return { onBattery: null, batteryPercent: null };
  }
  let mainsSeen = false;
  let mainsOnline = false;
  let batteryPercent: number | null = null;
  let discharging: boolean | null = null;
  for (const name of names.sort()) {
    const type = await read(join(root, name, 'type'));
    if (type === 'Mains') {
      mainsSeen = true;
      if ((await read(join(root, name, 'online'))) === '1') mainsOnline = true;
    } else if (type === 'Battery' && (await read(join(root, name, 'scope'))) !== 'Device') {
      const capacity = Number(await read(join(root, name, 'capacity')));
      if (Number.isFinite(capacity) && batteryPercent === null)
        batteryPercent = Math.min(100, Math.max(0, capacity));
      const status = await read(join(root, name, 'status'));
      if (status) discharging = status === 'Discharging';
    }
  }
  if (mainsSeen) return { onBattery: !mainsOnline, batteryPercent };
  if (batteryPercent === null && discharging === null) return { onBattery: false, batteryPercent: null };
  return { onBattery: discharging, batteryPercent };
}
