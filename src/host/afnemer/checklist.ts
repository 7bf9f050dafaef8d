import type { AfnemerStartRequest } from '../../shared/afnemer';
import type { ShellKind } from '../../shared/contract';
import type { Afnamecondities } from '../../shared/session';

/**
 * The sitting's Afnamecondities from the console's checklist, plus what the host knows itself (its shell, and
 * whether the package has audio in the instruction language).
 */
export function conditionsOf(
  request: AfnemerStartRequest,
  shell: ShellKind,
  audioAvailable: boolean,
): Afnamecondities {
  const { checklist } = request;
  return {
    shell,
    lockdown: shell === 'electron' ? 'full' : 'reduced',
    room: {
      quiet: checklist.roomQuiet,
      groupSize: checklist.groupSize,
      ...(checklist.headphones !== undefined ? { headphones: checklist.headphones } : {}),
    },
    instruction: {
      interpreter: checklist.interpreterPresent,
      ...(checklist.interpreterLanguage ? { interpreterLanguage: checklist.interpreterLanguage } : {}),
      ...(checklist.interpreterMode ? { interpreterMode: checklist.interpreterMode } : {}),
      translationTool: checklist.translationTool,
      language: request.language,
      audioAvailable,
      ...(checklist.otherArrangement ? { otherArrangement: checklist.otherArrangement } : {}),
    },
    preparation: { kind: checklist.preparation },
    intake: { moment: checklist.intakeMoment },
  };
}
