import { DeviceCheckScreen } from '../device-check';
import './console.css';
import './console-screens.css';

/**
 * The device check (issue 7) as a console step: its own full screen (it lists every rule, test and fact),
 * with the way back to the console above it. "Sessie starten" there confirms the device; the console then
 * continues where it came from.
 */
export function DeviceCheckStep(props: {
  onReady: () => void;
  onBack: () => void;
  /** The afnemer chose "Demo starten" on a refused device (development hosts only). */
  onDemo?: () => void;
  confirmedBy?: string;
  /** A group room: the sound test plays through the candidate's headphones. */
  headphones?: boolean;
}) {
  return (
    <div className="console-device-check" data-console-screen="device-check">
      <nav className="console-device-bar" aria-label="Console">
        <button type="button" className="console-secondary" onClick={props.onBack}>
          Terug naar de console
        </button>
        <span>Na &quot;Sessie starten&quot; gaat de console verder met de voorbereiding.</span>
      </nav>
      <div className="console-device-body">
        <DeviceCheckScreen
          onReady={props.onReady}
          {...(props.onDemo ? { onDemo: props.onDemo } : {})}
          headphones={props.headphones === true}
          {...(props.confirmedBy ? { confirmedBy: props.confirmedBy } : {})}
        />
      </div>
    </div>
  );
}
