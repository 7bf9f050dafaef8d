import type { ShellKind } from '../shared/contract';
import type { Handlers } from './router';
import { appInfo } from './services/app-info';

export interface HostContext {
  version: string;
  shell: ShellKind;
  packageId: () => string | null;
}

/** Maps every contract channel to the host service that answers it. */
export function createHandlers(context: HostContext): Handlers {
  return {
    'app.info': () => appInfo(context),
  };
}
