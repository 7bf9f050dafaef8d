import { z } from 'zod';
import { kioskDisplay } from './evaluate';
import type { DeviceFacts, PageFacts } from './facts';
import type { RuleOutcome } from './outcomes';
import type { RuleId } from './policy';

/**
 * The display as the candidate sees it during a sitting: what the device check measured once, measured again
 * whenever a shell notices a change (issue 16, point 10). Physical pixels, so a 150% scale and a smaller screen
 * compare alike.
 */
export const DisplayMeasurement = z
  .object({
    widthPx: z.number().int().min(0),
    heightPx: z.number().int().min(0),
    scaleFactor: z.number().positive().max(8),
    displayCount: z.number().int().min(0),
  })
  .strict();
export type DisplayMeasurement = z.infer<typeof DisplayMeasurement>;

/** The rules a display change can break; battery, disk and the kiosk account do not move with the window. */
export const DISPLAY_RULES: readonly RuleId[] = [
  'minResolution',
  'scaleFactors',
  'diagonalInches',
  'singleDisplay',
];

/**
 * During a sitting what counts is the window the candidate works in, not the screen behind it: the page's
 * viewport stands in for its screen (in a kiosk window the two are the same; a shrunk window is not).
 */
export function windowAsScreen(page: PageFacts): PageFacts {
  return { ...page, screen: page.viewport, availScreen: page.viewport };
}

export function displayMeasurementOf(facts: DeviceFacts): DisplayMeasurement | null {
  const display = kioskDisplay(facts);
  if (!display) return null;
  return {
    widthPx: display.physicalPixels.width,
    heightPx: display.physicalPixels.height,
    scaleFactor: display.scaleFactor,
    displayCount: facts.displayCount,
  };
}

export function sameMeasurement(a: DisplayMeasurement | null, b: DisplayMeasurement | null): boolean {
  return (
    a !== null &&
    b !== null &&
    a.widthPx === b.widthPx &&
    a.heightPx === b.heightPx &&
    Math.abs(a.scaleFactor - b.scaleFactor) < 0.01 &&
    a.displayCount === b.displayCount
  );
}

/** The display rules the policy now blocks on; empty when the change still meets the policy. */
export function brokenDisplayRules(rules: readonly RuleOutcome[]): RuleId[] {
  return rules.filter((r) => DISPLAY_RULES.includes(r.rule) && r.status === 'block').map((r) => r.rule);
}
