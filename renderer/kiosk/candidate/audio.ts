/**
 * Plays package sounds one after another. Audio only ever starts from a tap (no autoplay surprises);
 * a sound that fails to load or play is skipped, never blocks the sitting.
 */
let current: HTMLAudioElement | null = null;

export function stopAudio(): void {
  current?.pause();
  current = null;
}

export async function playOne(url: string, waitForEnd: boolean): Promise<void> {
  stopAudio();
  const audio = new Audio(url);
  current = audio;
  const ended = new Promise<void>((resolve) => {
    audio.addEventListener('ended', () => resolve(), { once: true });
    audio.addEventListener('error', () => resolve(), { once: true });
    // A cap, so a broken file or a missing audio device cannot hold up the sitting.
    setTimeout(resolve, 8000);
  });
  try {
    await audio.play();
  } catch {
    return;
  }
  if (waitForEnd) await ended;
}

export async function playSequence(
  urls: string[],
  waitForEnd: boolean,
  onEach?: (index: number) => void,
): Promise<void> {
  for (const [index, url] of urls.entries()) {
    onEach?.(index);
    await playOne(url, waitForEnd);
  }
  onEach?.(-1);
}
