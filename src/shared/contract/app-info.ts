import { z } from 'zod';

export const ShellKind = z.enum(['electron', 'chromium']);
export type ShellKind = z.infer<typeof ShellKind>;

export const AppInfo = z.object({
  version: z.string(),
  shell: ShellKind,
  /** Only the Electron shell enforces kiosk lockdown; the Chromium host says so plainly. */
  lockdown: z.enum(['full', 'reduced']),
  /** Id of the loaded item package, or null when none is loaded yet. */
  packageId: z.string().nullable(),
});
export type AppInfo = z.infer<typeof AppInfo>;
