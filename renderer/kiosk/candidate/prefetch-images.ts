import type { Scene, Visual } from '../../../src/shared/items';

/** Every picture a scene draws: its context, then the interaction's options, tiles or token and targets. */
export function scenePictures(scene: Scene): Visual[] {
  const interaction = scene.interaction;
  const own =
    interaction.kind === 'choose'
      ? interaction.options
      : interaction.kind === 'order'
        ? interaction.tiles
        : [interaction.token, ...interaction.targets];
  return [...scene.context, ...own];
}

/**
 * Pictures already fetched and decoded, held for the whole sitting (the package's pictures are a few
 * hundred small SVGs). The host serves package files with `no-store`, so a picture is not in any HTTP
 * cache; but an <img> whose URL the document has already loaded takes that image at once, so the next
 * screen paints with its pictures in its first frame instead of empty frames filling in one by one
 * after a loopback fetch each.
 */
const held = new Map<string, HTMLImageElement>();
let heldFor: string | null = null;

/**
 * Starts fetching and decoding the given picture URLs of package `packageId` ahead of the screen that
 * shows them. Another package lets go of the pictures held for the previous one (same paths, new content).
 */
export function preloadPictures(packageId: string, urls: Iterable<string>): void {
  if (heldFor !== packageId) {
    held.clear();
    heldFor = packageId;
  }
  for (const url of urls) {
    if (held.has(url)) continue;
    const image = new Image();
    image.src = url;
    held.set(url, image);
    // A failed fetch is forgotten, so the next screen's own <img> (or a later preload) tries again.
    image.decode().catch(() => held.delete(url));
  }
}
