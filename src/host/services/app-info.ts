import { readFileSync } from 'node:fs';
import type { AppInfo, ShellKind } from '../../shared/contract';
import type { DemoMode } from '../demo-mode';

/** The app's version as packaged; read once, since it cannot change while running. */
export function readAppVersion(packageJsonPath: string): string {
  const parsed = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { version?: unknown };
  return typeof parsed.version === 'string' ? parsed.version : '0.0.0';
}

export function appInfo(options: {
  version: string;
  shell: ShellKind;
  packageId: () => string | null;
  demo?: DemoMode;
}): AppInfo {
  return {
    version: options.version,
    shell: options.shell,
    lockdown: options.shell === 'electron' ? 'full' : 'reduced',
    packageId: options.packageId(),
    demo: options.demo?.on() === true,
    demoOffered: options.demo?.offered() === true,
  };
}
