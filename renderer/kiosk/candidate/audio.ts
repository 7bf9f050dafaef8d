/**
 * Plays package sounds one after another. Audio only ever starts from a tap (no autoplay surprises);
 * a sound that fails to load or play is skipped, never blocks the sitting.
 */
let current: { audio: HTMLAudioElement; interrupt: () => void } | null = null;

export function stopAudio(): void {
  current?.audio.pause();
  current?.interrupt();
  current = null;
}

/**
 * Plays `url`; with `waitForEnd`, resolves when it has ended. Resolves `false` when another sound cut it
 * off (a tapped picture while PLAY runs): a paused sound never fires `ended`, and its sequence must not
 * wait out the cap and then talk over the picture the candidate chose to hear.
 */
export async function playOne(url: string, waitForEnd: boolean): Promise<boolean> {
  stopAudio();
  const audio = new Audio(url);
  // Set by the executor, which runs at once.
  let interrupt!: () => void;
  const ended = new Promise<boolean>((resolve) => {
    interrupt = () => resolve(false);
    audio.addEventListener('ended', () => resolve(true), { once: true });
    audio.addEventListener('error', () => resolve(true), { once: true });
    // A cap, so a broken file or a missing audio device cannot hold up the sitting.
    setTimeout(() => resolve(true), 8000);
  });
  const mine = { audio, interrupt };
  current = mine;
  try {
    await audio.play();
  } catch {
    return current === mine;
  }
  return waitForEnd ? ended : current === mine;
}

export async function playSequence(
  urls: string[],
  waitForEnd: boolean,
  onEach?: (index: number) => void,
): Promise<void> {
  for (const [index, url] of urls.entries()) {
    onEach?.(index);
    if (!(await playOne(url, waitForEnd))) break;
  }
  onEach?.(-1);
}
