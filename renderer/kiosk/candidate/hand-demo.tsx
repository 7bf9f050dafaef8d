import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { InteractionSpec, Response, Visual } from '../../../src/shared/items';
import { emptyResponse } from './answer-model';
import type { Pace } from './context';
import { HandIcon } from './pictograms';
import { Picture } from './Picture';

/**
 * One movement of the demonstrating hand: go to `to`, optionally carrying a picture, then apply `after`
 * and say `sound`: the picture touched there that has a sound, as the candidate hears it on touch.
 */
interface Step {
  to: string;
  carry?: Visual;
  press?: boolean;
  after?: Response;
  sound?: Visual;
}

const withSound = (visual: Visual | undefined) => (visual?.audio ? { sound: visual } : {});

/** The moves that show `answer` being given, as data-demo names of elements in the scene. */
export function demoSteps(spec: InteractionSpec, answer: Response): Step[] {
  if (spec.kind === 'choose' && answer.kind === 'choose') {
    const option = spec.options.find((o) => o.id === answer.optionId);
    return [{ to: `option-${answer.optionId}`, press: true, after: answer, ...withSound(option) }];
  }
  if (spec.kind === 'place' && answer.kind === 'place') {
    // The token speaks when picked up, a sound target when the token lands on it.
    const target = spec.targets.find((t) => t.id === answer.targetId);
    return [
      { to: 'token', press: true, ...withSound(spec.token) },
      { to: `target-${answer.targetId}`, carry: spec.token, after: answer, ...withSound(target) },
    ];
  }
  if (spec.kind === 'order' && answer.kind === 'order') {
    const sequence: (string | null)[] = Array.from({ length: spec.slots }, () => null);
    return answer.sequence.flatMap((id, slot) => {
      if (!id) return [];
      sequence[slot] = id;
      const tile = spec.tiles.find((t) => t.id === id);
      // A word tile speaks once, as it lands: the sentence is heard growing word by word.
      return [
        { to: `tile-${id}`, press: true },
        {
          to: `slot-${slot}`,
          carry: tile,
          after: { kind: 'order', sequence: [...sequence] } as Response,
          ...withSound(tile),
        },
      ];
    });
  }
  return [];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Drives the animated hand over a scene inside `container`. `run()` resolves when the answer has been
 * shown; the scene should draw `response` meanwhile. Unmounting stops it.
 */
export function useHandDemo(
  container: RefObject<HTMLElement | null>,
  spec: InteractionSpec,
  answer: Response,
  pace: Pace,
  /** Says the sound of a picture the hand touches (a word tile, a sound target); awaited before it lifts. */
  onTouch?: (visual: Visual) => Promise<void> | void,
) {
  const [response, setResponse] = useState<Response | null>(answer);
  const [hand, setHand] = useState<{
    x: number;
    y: number;
    carry?: Visual;
    pressing: boolean;
    visible: boolean;
  }>({
    x: 0,
    y: 0,
    pressing: false,
    visible: false,
  });
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  const move = pace === 'fast' ? 60 : 700;

  const where = useCallback(
    (name: string) => {
      const root = container.current;
      const element = root?.querySelector<HTMLElement>(`[data-demo="${name}"]`);
      if (!root || !element) return null;
      const box = root.getBoundingClientRect();
      const scale = box.width / (root.offsetWidth || 1) || 1;
      const rect = element.getBoundingClientRect();
      return {
        x: (rect.left + rect.width / 2 - box.left) / scale,
        y: (rect.top + rect.height / 2 - box.top) / scale,
      };
    },
    [container],
  );

  const run = useCallback(async () => {
    setResponse(emptyResponse(spec));
    setHand({
      x: (container.current?.offsetWidth ?? 0) / 2,
      y: container.current?.offsetHeight ?? 0,
      pressing: false,
      visible: true,
    });
    await sleep(move / 2);
    for (const step of demoSteps(spec, answer)) {
      if (!alive.current) return;
      const point = where(step.to);
      if (point) setHand((h) => ({ ...h, ...point, carry: step.carry }));
      await sleep(move);
      setHand((h) => ({ ...h, pressing: true }));
      await sleep(move / 3);
      if (step.after) setResponse(step.after);
      if (step.sound) await onTouch?.(step.sound);
      setHand((h) => ({ ...h, pressing: false, carry: undefined }));
      await sleep(move / 3);
    }
    await sleep(move / 2);
    if (alive.current) setHand((h) => ({ ...h, visible: false }));
  }, [answer, container, move, onTouch, spec, where]);

  const overlay = (
    <div className="hand-layer" aria-hidden="true">
      <div
        className={`hand${hand.pressing ? ' is-pressing' : ''}${hand.visible ? '' : ' is-hidden'}`}
        style={{ transform: `translate(${hand.x}px, ${hand.y}px)`, transitionDuration: `${move}ms` }}
      >
        {hand.carry && (
          <div className="hand-carry">
            <Picture visual={hand.carry} />
          </div>
        )}
        <HandIcon />
      </div>
    </div>
  );
  return { response, run, overlay };
}
