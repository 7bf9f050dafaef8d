import type { InstructionKey, Response, Scene, Visual } from '../../../src/shared/items';
import { useUi } from './context';
import { ChooseInteraction, OrderInteraction, tileSize } from './interactions';
import type { InputType } from './model';
import { Picture } from './Picture';
import { PlaceInteraction } from './place-interaction';
import type { Sound } from './use-player';

/**
 * One screen of material: the context pictures (a sound each may be heard via PLAY; the one sounding
 * is ringed) above the interaction. With `onSound`, every picture that shows a sound says it on a tap.
 * Without `onChange` it is a demonstration: nothing else reacts to touch.
 */
export function SceneView(props: {
  scene: Scene;
  response: Response | null;
  onChange?: (response: Response, inputType: InputType) => void;
  onSound?: (visual: Visual) => void;
  /** Index of the context picture whose sound is playing, or -1. */
  sounding?: number;
  className?: string;
}) {
  const { scene, response, onChange, onSound } = props;
  const interaction = scene.interaction;
  return (
    <div className={`scene ${props.className ?? ''}`}>
      {scene.context.length > 0 && (
        <div
          className="context-row"
          style={{ ['--tile' as string]: `${tileSize(scene.context.length, 150)}px` }}
        >
          {scene.context.map((visual, i) => (
            <ContextPicture
              key={visual.id + i}
              visual={visual}
              index={i}
              sounding={props.sounding === i}
              onSound={onSound}
            />
          ))}
        </div>
      )}
      <div className="interaction">
        {interaction.kind === 'choose' && (
          <ChooseInteraction spec={interaction} response={response} onChange={onChange} onSound={onSound} />
        )}
        {interaction.kind === 'order' && (
          <OrderInteraction spec={interaction} response={response} onChange={onChange} onSound={onSound} />
        )}
        {interaction.kind === 'place' && (
          <PlaceInteraction spec={interaction} response={response} onChange={onChange} onSound={onSound} />
        )}
      </div>
    </div>
  );
}

/** A context picture; one with a sound (the dot says so) is a button that says it on a tap. */
function ContextPicture(props: {
  visual: Visual;
  index: number;
  sounding: boolean;
  onSound: ((visual: Visual) => void) | undefined;
}) {
  const ui = useUi();
  const { visual, onSound } = props;
  const className = `context-picture${props.sounding ? ' is-sounding' : ''}`;
  const mark = visual.audio && <span className="sound-mark" aria-hidden="true" />;
  if (!visual.audio || !onSound) {
    return (
      <div className={className}>
        <Picture visual={visual} />
        {mark}
      </div>
    );
  }
  return (
    <button
      type="button"
      className={`${className} is-tappable`}
      // Not just "play": that name belongs to the PLAY control, which plays the whole scene.
      aria-label={`${ui('play')} ${props.index + 1}`}
      // Heard the moment the finger lands, like a word tile.
      onPointerDown={(event) => {
        if (event.button === 0) onSound(visual);
      }}
      onClick={(event) => {
        if (event.detail === 0) onSound(visual);
      }}
    >
      <Picture visual={visual} />
      {mark}
    </button>
  );
}

/**
 * The sounds PLAY plays for a scene: each context picture's sound in order (with the picture's index, to
 * ring it), then the prompt.
 */
export function sceneSounds(
  scene: Scene,
  itemId: string,
  kind: 'practice' | 'voorbeeld' | 'opgave',
): (Sound & { context: number })[] {
  const sounds = scene.context.flatMap((visual, i) =>
    visual.audio
      ? [{ path: visual.audio, context: i, source: { kind: 'visual' as const, itemId, visualId: visual.id } }]
      : [],
  );
  return scene.prompt
    ? [
        ...sounds,
        { path: scene.prompt, context: -1, source: { kind: 'prompt' as const, scene: kind, itemId } },
      ]
    : sounds;
}

/**
 * The scene's own sounds or, where it has none, the spoken instruction that introduces it: PLAY is never a dead
 * control.
 */
export function soundsOrInstruction(
  scene: (Sound & { context: number })[],
  instruction: { key: InstructionKey; audio: string | null | undefined },
): (Sound & { context: number })[] {
  if (scene.length > 0 || !instruction.audio) return scene;
  return [{ path: instruction.audio, context: -1, source: { kind: 'instruction', key: instruction.key } }];
}

/**
 * The spoken cue ("look at the example first", "now it is your turn") put before a scene's own sounds where a
 * family, or practice, begins: there the candidate hears how this kind of screen works, in the same words as every
 * other candidate; after that PLAY goes straight to the scene, so the cue is not repeated forty times.
 */
export function withCue(
  sounds: (Sound & { context: number })[],
  cue: { key: InstructionKey; audio: string | null | undefined } | null,
): (Sound & { context: number })[] {
  if (!cue?.audio) return sounds;
  return [{ path: cue.audio, context: -1, source: { kind: 'instruction', key: cue.key } }, ...sounds];
}

/** Whether the item at `index` is the first of its family in the definition's order. */
export function opensFamily(items: readonly { family: string }[], index: number): boolean {
  return index === 0 || items[index - 1]?.family !== items[index]?.family;
}
