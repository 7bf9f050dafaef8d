import type { ChannelName } from '../../shared/contract';
import { Rejected, type Handlers } from '../router';
import type { AfnemerConsole } from './console-api';

type AfnemerChannel = Extract<ChannelName, `afnemer.${string}`>;

const NO_CONSOLE = 'De afnemerconsole is op deze kiosk niet beschikbaar.';

/** The `afnemer.*` channels; without a console (a bare session host in unit tests) each is refused. */
export function afnemerHandlers(console: AfnemerConsole | undefined): Pick<Handlers, AfnemerChannel> {
  const need = (): AfnemerConsole => {
    if (!console) throw new Rejected(NO_CONSOLE);
    return console;
  };
  return {
    'afnemer.login': (request) => need().login(request),
    'afnemer.logout': () => need().logout(),
    'afnemer.status': () => need().status(),
    'afnemer.startSession': (request) => need().startSession(request),
    'afnemer.unlock': (request) => need().unlock(request.pin),
    'afnemer.completeness': () => need().completeness(),
    'afnemer.pause': (request) => need().pause(request.pin, request.reason),
    'afnemer.resume': (request) => need().resume(request.pin),
    'afnemer.abort': (request) => need().abort(request.pin, request.reason),
    'afnemer.endEarly': (request) => need().endEarly(request.pin, request.reason),
    'afnemer.close': (request) => need().close(request.pin),
    'afnemer.openSessions': () => need().openSessions(),
  };
}
