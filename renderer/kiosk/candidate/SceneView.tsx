import type { InstructionKey, Response, Scene, Visual } from '../../../src/shared/items';
import { ChooseInteraction, OrderInteraction, PlaceInteraction, tileSize } from './interactions';
import type { InputType } from './model';
import { Picture } from './Picture';
import type { Sound } from './use-player';

/**
 * One screen of material: the context pictures (a sound each may be heard via PLAY; the one sounding
 * is ringed) above the interaction. Without `onChange` it is a demonstration nobody can touch.
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
            <div
              key={visual.id + i}
              className={`context-picture${props.sounding === i ? ' is-sounding' : ''}`}
            >
              <Picture visual={visual} />
              {visual.audio && <span className="sound-mark" aria-hidden="true" />}
            </div>
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
