import { useRef } from 'react';
import type { Visual } from '../../../src/shared/items';
import { inputTypeOf } from './controls';
import { useUi } from './context';
import { DraggablePicture, tileSize, type InteractionProps } from './interactions';
import type { InputType } from './model';
import { Picture } from './Picture';

/**
 * `place`: drag the token onto one of the targets. A target without a sound also takes the token on a
 * tap. A target with a sound (a woordvormen "sound button") says its word on a tap and does not take the
 * token: the candidate must hear every target before choosing, and a tap that also placed would answer
 * while they only meant to listen. Only the drag places there. With `onSound` but without `onChange`
 * (the voorbeeld) the sound targets still speak and nothing else reacts.
 */
export function PlaceInteraction({ spec, response, onChange, onSound }: InteractionProps<'place'>) {
  const ui = useUi();
  const scope = useRef<HTMLDivElement>(null);
  const placedOn = response?.kind === 'place' ? response.targetId : null;
  const size = tileSize(spec.targets.length, 200);
  const choose = (index: number | null, inputType: InputType) => {
    const target = index === null ? undefined : spec.targets[index];
    if (target && onChange) onChange({ kind: 'place', targetId: target.id }, inputType);
  };
  const token = (
    <DraggablePicture
      visual={spec.token}
      label={ui('tile', 1)}
      demo="token"
      className="token"
      scope={() => scope.current}
      {...(onChange && {
        // Tapping the token where it lies does nothing; the candidate drags it (or taps a silent target).
        onTap: () => undefined,
        onDrop: choose,
        onSound,
      })}
    />
  );
  const speaker = (target: Visual) => (target.audio && onSound ? () => onSound(target) : null);
  return (
    <div className="place" ref={scope} style={{ ['--tile' as string]: `${size}px` }}>
      <div className="token-home" data-demo="token-home">
        {placedOn === null ? token : <div className="token token-ghost" aria-hidden="true" />}
      </div>
      <div className="target-row">
        {spec.targets.map((target, i) => {
          const here = placedOn === target.id;
          const speak = speaker(target);
          const className = `target${here ? ' has-token' : ''}${speak ? ' has-sound' : ''}`;
          if (!onChange && !speak) {
            return (
              <div key={target.id} className={className} data-demo={`target-${target.id}`}>
                <Picture visual={target} />
                {here && <div className="token-on-target">{token}</div>}
              </div>
            );
          }
          const touch = (inputType: InputType) => (speak ? speak() : choose(i, inputType));
          return (
            <div
              key={target.id}
              className={className}
              data-drop-index={onChange ? i : undefined}
              data-demo={`target-${target.id}`}
              data-target-id={target.id}
            >
              <button
                type="button"
                className="target-button"
                // A sound target's button plays its word; whether the token lies on it is shown, not pressed.
                aria-label={speak ? `${ui('target', i + 1)}: ${ui('play')}` : ui('target', i + 1)}
                aria-pressed={speak ? undefined : here}
                onPointerDown={(event) => {
                  if (event.button === 0) touch(inputTypeOf(event));
                }}
                onClick={(event) => {
                  if (event.detail === 0) touch('mouse');
                }}
              >
                <Picture visual={target} />
              </button>
              {speak && <span className="sound-mark" aria-hidden="true" />}
              {here && <div className="token-on-target">{token}</div>}
            </div>
          );
        })}
      </div>
    </div>
  );
}
