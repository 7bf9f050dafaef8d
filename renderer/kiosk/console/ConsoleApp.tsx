import { useCallback, useEffect, useState } from 'react';
import type { AfnemerStartRequest, AfnemerStatus, SittingOverview } from '../../../src/shared/afnemer';
import { isSpoken } from '../../../src/shared/items/audio-provenance';
import type { LanguageCode } from '../../../src/shared/items';
import { outcomeOf, paceFromUrl, sittingAction } from './api';
import { CloseScreen } from './CloseScreen';
import { ConsoleFrame, Message } from './ConsoleFrame';
import type { LanguageAudioMap } from './dutch';
import { DeviceCheckStep } from './DeviceCheckStep';
import { LoginScreen } from './LoginScreen';
import { OutboxScreen } from './OutboxScreen';
import { ProtocolScreen } from './ProtocolScreen';
import { ResumeScreen } from './ResumeScreen';
import { SetupScreen } from './SetupScreen';
import { EMPTY_DRAFT, startRequestOf, type SetupDraft } from './setup-draft';
import { SittingScreen } from './SittingScreen';
import { StartScreen } from './StartScreen';

type Screen =
  | { kind: 'boot' }
  | { kind: 'login' }
  | { kind: 'start' }
  | { kind: 'setup' }
  | { kind: 'device-check'; then: Screen }
  | { kind: 'protocol'; request: AfnemerStartRequest }
  | { kind: 'resume'; sitting: SittingOverview }
  | { kind: 'sitting'; language: LanguageCode }
  | { kind: 'close'; pin: string; overview: SittingOverview }
  | { kind: 'outbox' };

/** Screens that act in a logged-in afnemer's name: the idle timeout sends them back to the login. */
const NEEDS_LOGIN: ReadonlySet<Screen['kind']> = new Set(['start', 'setup', 'protocol', 'outbox']);
/** How often those screens ask the host whether the login is still current; the host's clock decides. */
const LOGIN_POLL_MS = 15_000;

/** Where a page (re)load lands: back on the candidate's screen when a sitting runs, else login or start. */
function landing(status: AfnemerStatus): Screen {
  const sitting = status.sitting;
  const running = sitting && sitting.status !== 'closed' && !sitting.held;
  if (running) return { kind: 'sitting', language: sitting.language };
  return status.afnemer ? { kind: 'start' } : { kind: 'login' };
}

/**
 * The afnemer console (issue 8), the kiosk's default view: login, start, set-up, protocol and hand-over, the
 * sitting with the afnemer's overlay, close, and the outbox. The host holds every decision (roster, lockout,
 * device gate, PIN checks); this component only moves between screens on the host's answers.
 */
export function ConsoleApp() {
  const [status, setStatus] = useState<AfnemerStatus | null>(null);
  const [screen, setScreen] = useState<Screen>({ kind: 'boot' });
  const [problem, setProblem] = useState<string | null>(null);
  const [draft, setDraft] = useState<SetupDraft>(EMPTY_DRAFT);
  const [languages, setLanguages] = useState<LanguageCode[]>([]);
  const [languageAudio, setLanguageAudio] = useState<LanguageAudioMap>({});
  const [busy, setBusy] = useState(false);
  const pace = paceFromUrl();

  const refresh = useCallback(async (): Promise<AfnemerStatus | null> => {
    const result = await window.lbt.afnemer.status();
    if (!result.ok) {
      setProblem(result.error.message);
      return null;
    }
    setStatus(result.value);
    return result.value;
  }, []);

  useEffect(() => {
    void refresh().then((fresh) => fresh && setScreen(landing(fresh)));
    void window.lbt.package.get().then((pkg) => {
      if (!pkg.ok) return;
      setLanguages(pkg.value.instructions.map((i) => i.language));
      setLanguageAudio(Object.fromEntries(pkg.value.languages.map((l) => [l.language, l.audio])));
    });
  }, [refresh]);

  const go = (next: Screen) => {
    setProblem(null);
    setScreen(next);
  };

  // The host ends an idle login; reading the status does not extend it, so polling here is safe.
  useEffect(() => {
    if (!NEEDS_LOGIN.has(screen.kind)) return;
    const timer = setInterval(() => {
      void refresh().then((fresh) => {
        if (fresh && !fresh.afnemer) go({ kind: 'login' });
      });
    }, LOGIN_POLL_MS);
    return () => clearInterval(timer);
  }, [screen.kind, refresh]);
  const who = status?.afnemer ? `${status.afnemer.name} (${status.afnemer.afnemerId})` : '';

  if (screen.kind === 'boot' || !status) {
    return (
      <ConsoleFrame screen="boot" title="LBT Kiosk">
        {problem ? <Message tone="error">{problem}</Message> : <p>De kiosk start…</p>}
      </ConsoleFrame>
    );
  }

  switch (screen.kind) {
    case 'login':
      return (
        <LoginScreen
          notice={status.signedOut?.message ?? status.rosterProblem?.message ?? null}
          login={async (afnemerId, pin) => {
            const outcome = await outcomeOf(window.lbt.afnemer.login({ afnemerId, pin }));
            if (!outcome.ok) return outcome.refusal ?? outcome.message;
            const fresh = await refresh();
            if (fresh) go({ kind: 'start' });
            return null;
          }}
        />
      );
    case 'start':
      return (
        <StartScreen
          who={who}
          status={status}
          onNew={() => {
            setDraft(EMPTY_DRAFT);
            go({ kind: 'setup' });
          }}
          onResume={(sitting) =>
            go(
              status.device.state === 'ready'
                ? { kind: 'resume', sitting }
                : { kind: 'device-check', then: { kind: 'resume', sitting } },
            )
          }
          onOutbox={() => go({ kind: 'outbox' })}
          onSignOut={() =>
            void window.lbt.afnemer.logout().then(() => refresh().then(() => go({ kind: 'login' })))
          }
        />
      );
    case 'setup':
      return (
        <SetupScreen
          who={who}
          status={status}
          languages={languages}
          languageAudio={languageAudio}
          hasAudio={(language) => isSpoken(languageAudio[language])}
          draft={draft}
          onDraft={setDraft}
          onDeviceCheck={() => go({ kind: 'device-check', then: { kind: 'setup' } })}
          onBack={() => go({ kind: 'start' })}
          onNext={() => {
            const { request } = startRequestOf(draft, status.policy, (language) =>
              isSpoken(languageAudio[language]),
            );
            if (request) go({ kind: 'protocol', request });
          }}
        />
      );
    case 'device-check':
      return (
        <DeviceCheckStep
          {...(status?.afnemer ? { confirmedBy: status.afnemer.afnemerId } : {})}
          // From the set-up of a group room, the tone is heard through the candidate's headphones.
          headphones={screen.then.kind === 'setup' && draft.groupSize > 1}
          onReady={() => void refresh().then(() => go(screen.then))}
          onBack={() =>
            void refresh().then(() => go(screen.then.kind === 'resume' ? { kind: 'start' } : screen.then))
          }
          // A demonstration is not judged by the device policy: back to where the afnemer came from.
          onDemo={() => void refresh().then(() => go(screen.then))}
        />
      );
    case 'protocol':
      return (
        <>
          <ProtocolScreen
            who={who}
            candidateRef={screen.request.candidateRef}
            busy={busy}
            onBack={() => go({ kind: 'setup' })}
            onHandOver={() => {
              setBusy(true);
              void window.lbt.afnemer.startSession(screen.request).then((opened) => {
                setBusy(false);
                if (opened.ok) go({ kind: 'sitting', language: screen.request.language });
                else
                  void refresh().then((fresh) => {
                    // Signed out meanwhile (idle timeout): the login screen says why.
                    if (fresh && !fresh.afnemer) go({ kind: 'login' });
                    else setProblem(opened.error.message);
                  });
              });
            }}
          />
          {problem && (
            <p className="console-toast" role="alert">
              {problem}
            </p>
          )}
        </>
      );
    case 'resume':
      return (
        <ResumeScreen
          who={who}
          sitting={screen.sitting}
          onBack={() => go({ kind: 'start' })}
          onResume={async (pin) => {
            const outcome = await sittingAction(window.lbt.afnemer.resume({ pin }));
            if (!outcome.ok) return outcome.message;
            go({ kind: 'sitting', language: outcome.value.language });
            return null;
          }}
        />
      );
    case 'sitting':
      return (
        <SittingScreen
          language={screen.language}
          pace={pace}
          actions={{
            unlock: (pin) => sittingAction(window.lbt.afnemer.unlock({ pin })),
            pause: (pin, reason) => sittingAction(window.lbt.afnemer.pause({ pin, reason })),
            resume: (pin) => sittingAction(window.lbt.afnemer.resume({ pin })),
            abort: (pin, reason) => sittingAction(window.lbt.afnemer.abort({ pin, reason })),
            endEarly: (pin, reason) => sittingAction(window.lbt.afnemer.endEarly({ pin, reason })),
            toClose: (pin, overview) => go({ kind: 'close', pin, overview }),
          }}
        />
      );
    case 'close':
      return (
        <CloseScreen
          who={who}
          overview={screen.overview}
          onClose={async () => {
            const outcome = await outcomeOf(window.lbt.afnemer.close({ pin: screen.pin }));
            return outcome.ok ? outcome.value.closed : outcome.message;
          }}
          onDone={() => void refresh().then(() => go({ kind: 'start' }))}
        />
      );
    case 'outbox':
      return <OutboxScreen who={who} onBack={() => go({ kind: 'start' })} />;
  }
}
