import { ConsoleFrame } from './ConsoleFrame';
import { PROTOCOL_NOTE, PROTOCOL_PARAGRAPHS } from './protocol';

/** The fixed text the afnemer reads aloud, then the hand-over to the candidate. */
export function ProtocolScreen(props: {
  who: string;
  candidateRef: string;
  busy: boolean;
  onBack: () => void;
  onHandOver: () => void;
}) {
  return (
    <ConsoleFrame screen="protocol" title="Protocol: voorlezen en overdragen" who={props.who}>
      <section className="console-panel is-grow" aria-labelledby="protocol-title">
        <h1 id="protocol-title">Lees dit voor aan de kandidaat</h1>
        <div className="protocol-text" data-testid="protocol-text" lang="nl">
          {PROTOCOL_PARAGRAPHS.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
        </div>
      </section>
      <p className="console-message">{PROTOCOL_NOTE}</p>
      <div className="console-actions">
        <button
          type="button"
          className="console-secondary is-start"
          onClick={props.onBack}
          disabled={props.busy}
        >
          Terug naar voorbereiding
        </button>
        <span className="field-hint">Kandidaat {props.candidateRef}</span>
        <button
          type="button"
          className="console-primary"
          onClick={props.onHandOver}
          disabled={props.busy}
          data-testid="hand-over"
        >
          Overdragen aan kandidaat
        </button>
      </div>
    </ConsoleFrame>
  );
}
