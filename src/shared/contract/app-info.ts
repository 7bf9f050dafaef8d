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
  /**
   * A demonstration host (`npm start -- --demo`): every screen shows "demo — geen geldige afname" and every
   * result is marked demo. Only the host's start option sets it.
   */
  demo: z.boolean(),
  /**
   * A development host (`npm start`) offers "Demo starten" on the blocked device check, which switches the host to
   * demo (`app.demo`). Never in a production build.
   */
  demoOffered: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfo>;
