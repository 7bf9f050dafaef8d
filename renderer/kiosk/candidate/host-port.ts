import type { CallResult } from '../../../src/shared/contract';
import { fail } from '../../../src/shared/contract';
import type { LanguageCode } from '../../../src/shared/items';
import { packageUrl } from '../../../src/shared/items/package-view';
import type { SessionState } from '../../../src/shared/session/state';
import type { SessionView } from '../../../src/shared/session/view';
import type { CandidatePort, PortResult } from './port';

/** The screens derive everything from the folded state; the view's `step` is for simpler consumers. */
function stateOf(result: CallResult<SessionView | null>): PortResult<SessionState> {
  if (!result.ok) return result;
  return result.value
    ? { ok: true, value: result.value.state }
    : fail('rejected', 'Er is geen sessie geopend.');
}

async function reattach(language: LanguageCode): Promise<PortResult<SessionState>> {
  const running = stateOf(await window.lbt.session.state());
  if (!running.ok) return running;
  const { status, session } = running.value;
  const live = status === 'active' || status === 'paused' || status === 'completed';
  return live && session?.language === language ? running : fail('rejected', 'Er loopt een andere sessie.');
}

/**
 * The real port: the package from `package.get`, the sitting through the `session.*` channels, pictures
 * and sounds from `/package/<path>` on the page's own origin (the same in both shells; both shells check
 * every answer against the contract's schemas before the page sees it).
 */
export function createHostPort(options: { afnemerId: string; gemeente: string }): CandidatePort {
  return {
    async open({ candidateRef, language }: { candidateRef: string; language: LanguageCode }) {
      const pkg = await window.lbt.package.get();
      if (!pkg.ok) return pkg;
      const instructions = pkg.value.instructions.find((i) => i.language === language);
      if (!instructions)
        return fail('rejected', `Het pakket heeft geen instructies in de taal "${language}".`);
      const opened = stateOf(
        await window.lbt.session.open({
          candidateRef,
          language,
          afnemerId: options.afnemerId,
          gemeente: options.gemeente,
          doelgroep: 'onbekend',
        }),
      );
      // A sitting already runs (the page was reloaded mid-sitting): attach to it instead of starting over.
      const sitting = opened.ok ? opened : await reattach(language);
      if (!sitting.ok) return opened.ok ? sitting : opened;
      const { packageId, definition, items, practice } = pkg.value;
      return {
        ok: true,
        value: { pkg: { packageId, definition, items, practice, instructions }, state: sitting.value },
      };
    },
    dispatch: async (action) => stateOf(await window.lbt.session.dispatch(action)),
    state: async () => stateOf(await window.lbt.session.state()),
    // Against the page URL, not `location.origin`: a custom scheme (app://kiosk) may report origin "null".
    assetUrl: (path) => new URL(packageUrl(path), window.location.href).toString(),
  };
}
