import type { AfnemerStartRequest } from '../../shared/afnemer';
import type { ShellKind } from '../../shared/contract';
import type { Afnamecondities } from '../../shared/session';

/** The sitting's Afnamecondities from the console's checklist, plus what the host knows itself (its shell). */
export function conditionsOf(request: AfnemerStartRequest, shell: ShellKind): Afnamecondities {
  const { checklist } = request;
  return {
    shell,
    lockdown: shell === 'electron' ? 'full' : 'reduced',
    room: { quiet: checklist.roomQuiet, groupSize: checklist.groupSize },
    instruction: {
      interpreter: checklist.interpreterPresent,
      ...(checklist.interpreterLanguage ? { interpreterLanguage: checklist.interpreterLanguage } : {}),
      language: request.language,
    },
    preparation: { kind: checklist.preparation },
    intake: { moment: checklist.intakeMoment },
  };
}
