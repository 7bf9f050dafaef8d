import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { z } from 'zod';
import { parseJson } from '../../shared/json';
import type { PanelFacts } from '../../shared/device';
import { diagonalOf } from './edid';

/**
 * Windows has no /sys: the panel size comes from WMI's WmiMonitorBasicDisplayParams (whole centimetres, the
 * same numbers as EDID bytes 21-22). PowerShell prints one object, or an array when there are several.
 */
export const WMI_COMMAND =
  'Get-CimInstance -Namespace root\\wmi -ClassName WmiMonitorBasicDisplayParams | ' +
  'Select-Object InstanceName,Active,MaxHorizontalImageSize,MaxVerticalImageSize,VideoInputType | ' +
  'ConvertTo-Json -Compress';

const WmiMonitor = z.object({
  InstanceName: z.string(),
  Active: z.boolean().optional(),
  MaxHorizontalImageSize: z.number().int().min(0),
  MaxVerticalImageSize: z.number().int().min(0),
  VideoInputType: z.number().int().optional(),
});

export class WmiOutputError extends Error {
  override readonly name = 'WmiOutputError';
}

/** Parses the command's JSON output into panels; an inactive monitor is skipped. */
export function parseWmiMonitors(output: string): PanelFacts[] {
  const text = output.trim();
  if (text === '') return [];
  const parsed = parseJson(z.union([WmiMonitor, z.array(WmiMonitor)]), text, 'WMI output');
  if (!parsed.ok) {
    throw new WmiOutputError(
      parsed.error.problem === 'schema'
        ? `WMI output does not describe monitors: ${parsed.error.detail}`
        : 'WMI output is not JSON.',
      { cause: parsed.error },
    );
  }
  const monitors = Array.isArray(parsed.value) ? parsed.value : [parsed.value];
  return monitors
    .filter((monitor) => monitor.Active !== false)
    .map((monitor) => {
      const width = monitor.MaxHorizontalImageSize;
      const height = monitor.MaxVerticalImageSize;
      const sized = width > 0 && height > 0;
      // InstanceName is like "DISPLAY\LBT1560\4&2b3c&0&UID265988_0"; the middle part names the model.
      const model = monitor.InstanceName.split('\\')[1] ?? null;
      return {
        connector: monitor.InstanceName,
        manufacturer: model ? model.slice(0, 3) : null,
        productName: model,
        sizeMm: sized ? { width: width * 10, height: height * 10 } : null,
        diagonalInches: sized ? diagonalOf(width * 10, height * 10) : null,
        sizeSource: sized ? ('wmi' as const) : null,
        // VideoInputType 1 = digital; WMI does not say "built-in", so leave it unknown.
        internal: null,
      };
    });
}

const run = promisify(execFile);

export async function queryWmiMonitors(): Promise<PanelFacts[]> {
  const { stdout } = await run('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', WMI_COMMAND], {
    timeout: 10_000,
    windowsHide: true,
  });
  return parseWmiMonitors(stdout);
}
