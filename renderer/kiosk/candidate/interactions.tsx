import { useRef } from 'react';
import type { InteractionSpec, Response, Visual } from '../../../src/shared/items';
import { placeTile, placeTileInFirstEmpty, removeTile } from './answer-model';
import { inputTypeOf } from './controls';
import { useUi } from './context';
import type { InputType } from './model';
import { Picture } from './Picture';
import { useDrag } from './use-drag';

export interface InteractionProps<K extends InteractionSpec['kind']> {
  spec: InteractionSpec & { kind: K };
  response: Response | null;
  /** Absent for a demonstration (voorbeeld, look panel): then nothing reacts to touch. */
  onChange?: (response: Response, inputType: InputType) => void;
  /**
   * A touched picture that has a sound (a word tile, a sound target) says it. Sound targets speak in a
   * demonstration too (no `onChange`): they look like buttons there as well.
   */
  onSound?: (visual: Visual) => void;
}

/** Size of a picture tile in design units, so up to eight fit the task area and none is under 100. */
export function tileSize(count: number, max = 170): number {
  return Math.max(100, Math.min(max, Math.floor((940 - (count - 1) * 20) / count)));
}

export function ChooseInteraction({ spec, response, onChange, onSound }: InteractionProps<'choose'>) {
  const ui = useUi();
  const chosen = response?.kind === 'choose' ? response.optionId : null;
  return (
    <div className="choose-row" style={{ ['--tile' as string]: `${tileSize(spec.options.length, 200)}px` }}>
      {spec.options.map((option, i) =>
        onChange ? (
          <button
            key={option.id}
            type="button"
            className="option"
            data-demo={`option-${option.id}`}
            data-option-id={option.id}
            aria-label={ui('option', i + 1)}
            aria-pressed={chosen === option.id}
            // Chosen the moment the finger lands: nothing to lose between down and up.
            onPointerDown={(event) => {
              if (event.button !== 0) return;
              onChange({ kind: 'choose', optionId: option.id }, inputTypeOf(event));
              if (option.audio) onSound?.(option);
            }}
            onClick={(event) => {
              if (event.detail === 0) onChange({ kind: 'choose', optionId: option.id }, 'mouse');
            }}
          >
            <Picture visual={option} />
            {chosen === option.id && <span className="chosen-mark" aria-hidden="true" />}
          </button>
        ) : (
          <div
            key={option.id}
            className="option"
            data-demo={`option-${option.id}`}
            data-chosen={chosen === option.id}
          >
            <Picture visual={option} />
            {chosen === option.id && <span className="chosen-mark" aria-hidden="true" />}
          </div>
        ),
      )}
    </div>
  );
}

/** A tile or token: speaks on touch (if it has a sound), taps and drags; static without `onTap`. */
export function DraggablePicture(props: {
  visual: Visual;
  label: string;
  demo: string;
  className: string;
  scope: () => HTMLElement | null;
  onTap?: (inputType: InputType) => void;
  onDrop?: (dropIndex: number | null, inputType: InputType) => void;
  onSound?: (visual: Visual) => void;
}) {
  const drag = useDrag({
    scope: props.scope,
    onTap: (inputType) => props.onTap?.(inputType),
    onDrop: (index, inputType) => props.onDrop?.(index, inputType),
  });
  if (!props.onTap) {
    return (
      <div className={props.className} data-demo={props.demo}>
        <Picture visual={props.visual} />
      </div>
    );
  }
  return (
    <button
      type="button"
      className={`${props.className} draggable`}
      data-demo={props.demo}
      data-visual-id={props.visual.id}
      aria-label={props.label}
      {...drag}
      onPointerDown={(event) => {
        drag.onPointerDown(event);
        if (event.button === 0 && props.visual.audio) props.onSound?.(props.visual);
      }}
      onClick={(event) => {
        if (event.detail === 0) props.onTap?.('mouse');
      }}
    >
      <Picture visual={props.visual} />
    </button>
  );
}

export function OrderInteraction({ spec, response, onChange, onSound }: InteractionProps<'order'>) {
  const ui = useUi();
  const scope = useRef<HTMLDivElement>(null);
  const sequence = response?.kind === 'order' ? response.sequence : [];
  const byId = new Map(spec.tiles.map((tile) => [tile.id, tile]));
  const tileLabel = (id: string) => ui('tile', spec.tiles.findIndex((t) => t.id === id) + 1);
  const size = tileSize(Math.max(spec.tiles.length, spec.slots), 150);
  const handlers = (id: string, placed: boolean) =>
    onChange && {
      onSound,
      onTap: (inputType: InputType) =>
        onChange(
          placed ? removeTile(spec, response, id) : placeTileInFirstEmpty(spec, response, id),
          inputType,
        ),
      onDrop: (slot: number | null, inputType: InputType) => {
        if (slot !== null) onChange(placeTile(spec, response, id, slot), inputType);
        else if (placed) onChange(removeTile(spec, response, id), inputType);
      },
    };
  return (
    <div className="order" ref={scope} style={{ ['--tile' as string]: `${size}px` }}>
      <div className="slot-row">
        {Array.from({ length: spec.slots }, (_, i) => {
          const id = sequence[i] ?? null;
          const tile = id ? byId.get(id) : undefined;
          return (
            <div
              key={i}
              className={`slot${tile ? ' is-filled' : ''}`}
              data-drop-index={i}
              data-demo={`slot-${i}`}
              role="group"
              aria-label={ui('slot', i + 1)}
            >
              {tile && (
                <DraggablePicture
                  visual={tile}
                  label={tileLabel(tile.id)}
                  demo={`placed-${tile.id}`}
                  className="tile"
                  scope={() => scope.current}
                  {...handlers(tile.id, true)}
                />
              )}
            </div>
          );
        })}
      </div>
      <div className="tray">
        {spec.tiles.map((tile) =>
          sequence.includes(tile.id) ? (
            <div key={tile.id} className="tile tile-ghost" data-demo={`tile-${tile.id}`} aria-hidden="true" />
          ) : (
            <DraggablePicture
              key={tile.id}
              visual={tile}
              label={tileLabel(tile.id)}
              demo={`tile-${tile.id}`}
              className="tile"
              scope={() => scope.current}
              {...handlers(tile.id, false)}
            />
          ),
        )}
      </div>
    </div>
  );
}
