import type { ReactNode } from 'react';
import type { AfnemerStatus } from '../../../src/shared/afnemer';
import { describeForm } from '../../../src/shared/afnemer/reference-form';
import { medicalWarning } from '../../../src/shared/afnemer/special-category';
import { LanguageCode } from '../../../src/shared/items';
import { ChoiceChips, ConsoleFrame, Message } from './ConsoleFrame';
import {
  DOELGROEPEN,
  dutchTime,
  INTAKE_MOMENT,
  LANGUAGE_AUDIO_LABEL,
  LANGUAGE_LABEL,
  VOORBEREIDING,
  YES_NO,
  type LanguageAudioMap,
} from './dutch';
import {
  interpreterLanguageProblem,
  needsArrangement,
  normaliseLanguageCode,
  normaliseRef,
  referenceCheckOf,
  startRequestOf,
  type SetupDraft,
} from './setup-draft';

const yesNo = (value: boolean | null) => (value === null ? null : value ? 'ja' : 'nee');

/**
 * Set-up of a sitting: the device check's verdict (a block stops here, with the way to the device check),
 * the conditions checklist and the candidate reference (never a name: checked live against the configured
 * format). Everything is chosen from lists except the reference.
 */
export function SetupScreen(props: {
  who: string;
  status: AfnemerStatus;
  languages: LanguageCode[];
  /** Whether each language's instructions are spoken (recorded, synthetic) or not at all. */
  languageAudio: LanguageAudioMap;
  /** Whether the package speaks its instructions in a language (src/shared/afnemer/arrangement.ts). */
  hasAudio: (language: LanguageCode) => boolean;
  draft: SetupDraft;
  onDraft: (draft: SetupDraft) => void;
  onDeviceCheck: () => void;
  onBack: () => void;
  onNext: () => void;
}) {
  const { draft, status } = props;
  const set = (patch: Partial<SetupDraft>) => props.onDraft({ ...draft, ...patch });
  const reference = referenceCheckOf(draft, status.policy);
  const refOk = reference.ok;
  const expected = status.policy.referenceForm
    ? describeForm(status.policy.referenceForm)
    : status.policy.candidateRefHint;
  const { missing, blocked } = startRequestOf(draft, status.policy, props.hasAudio);
  const languageProblem = interpreterLanguageProblem(draft.interpreterLanguage);
  const asksArrangement = needsArrangement(draft, props.hasAudio);
  // The afnemer's one free text: words that look medical are named in the footer, where the eye goes before
  // "Verder"; a warning, never a block. The field's placeholder carries the standing warning.
  const arrangementWarning =
    asksArrangement && draft.otherArrangement ? medicalWarning(draft.otherArrangement) : null;
  const device = status.device;
  const deviceReady = device.state === 'ready';

  return (
    <ConsoleFrame screen="setup" title="Voorbereiding van de afname" who={props.who}>
      <div className="console-columns setup-columns">
        <div className="setup-left">
          <section
            className="console-panel"
            aria-labelledby="device-title"
            data-testid="device-summary"
            data-state={device.state}
          >
            <h2 id="device-title">Apparaat</h2>
            {deviceReady ? (
              <Message tone="ok">
                Apparaat goedgekeurd{device.checkedAt ? ` om ${dutchTime(device.checkedAt)}` : ''}.
              </Message>
            ) : device.state === 'blocked' ? (
              <Message tone="error" testId="device-message">
                Voldoet niet aan{' '}
                {device.blocked.length === 1 ? 'één regel' : `${device.blocked.length} regels`}: geen afname
                mogelijk.
              </Message>
            ) : (
              <Message tone="warn" testId="device-message">
                {device.message ?? 'Doe eerst de apparaatcontrole.'}
              </Message>
            )}
            {device.blocked.length > 0 && (
              <ul
                className="console-list compact blocked-rules"
                aria-label="Regels waaraan het apparaat niet voldoet"
              >
                {device.blocked.slice(0, 3).map((rule) => (
                  <li key={rule.rule} data-rule={rule.rule}>
                    <span className="clamp-2">✕ {rule.explanation}</span>
                  </li>
                ))}
              </ul>
            )}
            <button
              type="button"
              className={deviceReady ? 'console-secondary' : 'console-primary'}
              onClick={props.onDeviceCheck}
              data-testid="to-device-check"
            >
              {deviceReady ? 'Opnieuw controleren' : 'Naar de apparaatcontrole'}
            </button>
          </section>
          <section className="console-panel" aria-labelledby="candidate-title">
            <h2 id="candidate-title">
              Kandidaat{' '}
              <span className="field-hint">
                gemeente <span data-testid="gemeente">{status.afnemer?.gemeente}</span>
              </span>
            </h2>
            <label className="field-label" htmlFor="candidate-ref">
              Kandidaatreferentie (geen naam)
            </label>
            <input
              id="candidate-ref"
              className="text-field"
              value={draft.candidateRef}
              autoComplete="off"
              spellCheck={false}
              maxLength={40}
              aria-invalid={draft.candidateRef !== '' && !refOk}
              aria-describedby="candidate-ref-hint"
              onChange={(event) => set({ candidateRef: normaliseRef(event.target.value) })}
              data-testid="candidate-ref"
            />
            <p
              id="candidate-ref-hint"
              className="field-hint"
              data-testid="candidate-ref-hint"
              data-valid={refOk}
            >
              {draft.candidateRef === '' || reference.ok ? `${expected}.` : `✕ ${reference.message}`}
            </p>
          </section>
        </div>
        <section className="console-panel conditions" aria-labelledby="conditions-title">
          <h2 id="conditions-title">Afnamecondities</h2>
          <Question label="Doelgroep">
            <ChoiceChips
              label="Doelgroep"
              options={DOELGROEPEN}
              value={draft.doelgroep}
              onChange={(doelgroep) => set({ doelgroep })}
              testId="doelgroep"
            />
          </Question>
          <Question label="Rustige ruimte">
            <ChoiceChips
              label="Rustige ruimte"
              options={YES_NO}
              value={yesNo(draft.roomQuiet)}
              onChange={(v) => set({ roomQuiet: v === 'ja' })}
              testId="room-quiet"
            />
          </Question>
          <Question label="Groepsgrootte">
            <div className="stepper" role="group" aria-label="Groepsgrootte">
              <button
                type="button"
                className="chip"
                aria-label="Eén minder"
                disabled={draft.groupSize <= 1}
                onClick={() => set({ groupSize: draft.groupSize - 1 })}
              >
                −
              </button>
              <output aria-live="polite" data-testid="group-size">
                {draft.groupSize === 1 ? '1 (alleen deze kandidaat)' : `${draft.groupSize} kandidaten`}
              </output>
              <button
                type="button"
                className="chip"
                aria-label="Eén meer"
                disabled={draft.groupSize >= 20}
                onClick={() => set({ groupSize: draft.groupSize + 1 })}
              >
                +
              </button>
              {draft.groupSize > 1 && (
                <button
                  type="button"
                  role="checkbox"
                  className="chip is-tick"
                  aria-checked={draft.headphones}
                  onClick={() => set({ headphones: !draft.headphones })}
                  data-testid="headphones"
                >
                  Koptelefoon op
                </button>
              )}
            </div>
          </Question>
          <Question label="Instructietaal">
            <LanguageSelect
              label="Instructietaal"
              options={props.languages}
              audio={props.languageAudio}
              value={draft.language}
              onChange={(language) => set({ language })}
              testId="language"
            />
          </Question>
          <Question label="Tolk">
            <div className="code-field">
              <ChoiceChips
                label="Tolk aanwezig"
                options={INTERPRETER}
                value={interpreterChoice(draft)}
                onChange={(v) =>
                  set({
                    interpreterPresent: v !== 'nee',
                    interpreterMode: v === 'nee' ? null : v,
                    interpreterLanguage: v === 'nee' ? '' : draft.interpreterLanguage,
                  })
                }
                testId="interpreter"
              />
              {draft.interpreterPresent && (
                <input
                  className="text-field is-code"
                  aria-label="Taal van de tolk (ISO 639-code)"
                  placeholder="taal"
                  value={draft.interpreterLanguage}
                  maxLength={12}
                  autoComplete="off"
                  spellCheck={false}
                  aria-invalid={languageProblem !== null}
                  aria-describedby="interpreter-language-hint"
                  onChange={(event) =>
                    set({ interpreterLanguage: normaliseLanguageCode(event.target.value) })
                  }
                  data-testid="interpreter-language"
                />
              )}
            </div>
          </Question>
          {draft.interpreterPresent && (
            <p
              id="interpreter-language-hint"
              className="field-hint code-hint"
              data-testid="interpreter-language-hint"
              data-valid={languageProblem === null}
            >
              {languageProblem ??
                'Taal van de tolk: de ISO 639-code (2 of 3 letters), bijv. ti, so, ps of prs.'}
            </p>
          )}
          {asksArrangement && (
            <Question label="Andere regeling">
              <div className="code-field">
                <button
                  type="button"
                  role="checkbox"
                  className="chip"
                  aria-checked={draft.otherArrangement !== null}
                  onClick={() => set({ otherArrangement: draft.otherArrangement === null ? '' : null })}
                  data-testid="other-arrangement"
                >
                  Bevestigd
                </button>
                {draft.otherArrangement !== null && (
                  <input
                    className="text-field is-free"
                    aria-label="Beschrijving van de andere regeling"
                    placeholder="Geen medische gegevens. Bijv.: de afnemer spreekt de taal zelf"
                    value={draft.otherArrangement}
                    maxLength={300}
                    onChange={(event) => set({ otherArrangement: event.target.value })}
                    data-testid="other-arrangement-text"
                  />
                )}
              </div>
            </Question>
          )}
          <Question label="Vertaalhulpmiddel">
            <ChoiceChips
              label="Vertaalhulpmiddel gebruikt (bijv. Google Translate)"
              options={YES_NO}
              value={yesNo(draft.translationTool)}
              onChange={(v) => set({ translationTool: v === 'ja' })}
              testId="translation-tool"
            />
          </Question>
          <Question label="Voorbereiding">
            <ChoiceChips
              label="Voorbereiding"
              options={VOORBEREIDING}
              value={draft.preparation}
              onChange={(preparation) => set({ preparation })}
              testId="preparation"
            />
          </Question>
          <Question label="Moment t.o.v. intake">
            <ChoiceChips
              label="Moment ten opzichte van het intakegesprek"
              options={INTAKE_MOMENT}
              value={draft.intakeMoment}
              onChange={(intakeMoment) => set({ intakeMoment })}
              testId="intake"
            />
          </Question>
        </section>
      </div>
      <div className="console-actions">
        <button type="button" className="console-secondary is-start" onClick={props.onBack}>
          Terug
        </button>
        {(missing.length > 0 || blocked.length > 0 || !deviceReady || arrangementWarning) && (
          <span
            className={`field-hint setup-missing${blocked.length > 0 && deviceReady ? ' is-blocked' : ''}`}
            data-testid="setup-missing"
            data-medical={arrangementWarning !== null}
            role={blocked.length > 0 ? 'alert' : undefined}
            title={[...blocked, ...missing].join(' ')}
          >
            {!deviceReady
              ? 'Eerst het apparaat goedkeuren.'
              : blocked.length > 0
                ? blocked[0]
                : arrangementWarning
                  ? arrangementWarning
                  : `Nog nodig: ${missing[0]}${missing.length > 1 ? ` (en ${missing.length - 1} meer)` : ''}.`}
          </span>
        )}
        <button
          type="button"
          className="console-primary"
          disabled={missing.length > 0 || blocked.length > 0 || !deviceReady}
          onClick={props.onNext}
          data-testid="to-protocol"
        >
          Verder naar protocol
        </button>
      </div>
    </ConsoleFrame>
  );
}

function Question(props: { label: string; children: ReactNode }) {
  return (
    <div className="field-row">
      <span className="field-label">{props.label}</span>
      {props.children}
    </div>
  );
}

const INTERPRETER = [
  ['nee', 'Nee'],
  ['in-room', 'In de ruimte'],
  ['phone', 'Aan de telefoon'],
] as const;

function interpreterChoice(draft: SetupDraft): (typeof INTERPRETER)[number][0] | null {
  if (draft.interpreterPresent === null) return null;
  return draft.interpreterPresent ? draft.interpreterMode : 'nee';
}

function LanguageSelect(props: {
  label: string;
  options: readonly LanguageCode[];
  value: LanguageCode | null;
  onChange: (value: LanguageCode) => void;
  testId: string;
  /** For instruction languages: how each is spoken, shown beside its name. */
  audio?: LanguageAudioMap;
}) {
  return (
    <select
      aria-label={props.label}
      value={props.value ?? ''}
      onChange={(event) => props.onChange(LanguageCode.parse(event.target.value))}
      data-testid={props.testId}
    >
      <option value="" disabled>
        Kies een taal
      </option>
      {props.options.map((code) => (
        <option key={code} value={code} data-audio={props.audio?.[code]}>
          {LANGUAGE_LABEL[code]}
          {props.audio?.[code] ? ` (${LANGUAGE_AUDIO_LABEL[props.audio[code]]})` : ''}
        </option>
      ))}
    </select>
  );
}
