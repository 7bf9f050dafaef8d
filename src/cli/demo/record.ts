/**
 * Turns a planned demo result into a device-signed result record, built the way the kiosk builds one (the same
 * schema, the same scoring function, signed with a real Ed25519 device key), so the service's ingest checks it
 * exactly like a real upload: signature, schema, package hash, re-score.
 */
import { v7 as uuidv7 } from 'uuid';
import { randomUUID } from 'node:crypto';
import type { Ed25519Signer } from '../../host/signing';
import { signResult } from '../../host/result/sign';
import type { Item, Response } from '../../shared/items';
import { ResultRecord, RESULT_SCHEMA, type SignedResult } from '../../shared/result';
import { scoreResponses, SCORING_VERSION } from '../../shared/scoring';
import type { PlannedResult } from '../../server/demo/plan';
import type { ScoringPackage } from '../../server/packages';

export interface DemoDevice {
  deviceId: string;
  signer: Ed25519Signer;
}

/** A complete answer that is not the key (another option or target, or the tiles rotated by one). */
export function wrongResponse(item: Item): Response {
  const { key, opgave } = item;
  const spec = opgave.interaction;
  if (key.kind === 'choose' && spec.kind === 'choose') {
    return { kind: 'choose', optionId: spec.options.find((o) => o.id !== key.optionId)!.id };
  }
  if (key.kind === 'place' && spec.kind === 'place') {
    return { kind: 'place', targetId: spec.targets.find((t) => t.id !== key.targetId)!.id };
  }
  if (key.kind === 'order') return { kind: 'order', sequence: [...key.sequence.slice(1), key.sequence[0]!] };
  throw new Error(`item ${item.id}: key and interaction disagree`);
}

/**
 * Which items are right for a score of `raw`: easier items (earlier in the definition) more often, with noise
 * from `random`, so item p-values fall with position and item-rest correlations come out positive.
 */
export function rightItems(count: number, raw: number, random: () => number): Set<number> {
  const ranked = Array.from({ length: count }, (_, i) => ({ i, key: i / count + random() * 0.6 }));
  ranked.sort((a, b) => a.key - b.key);
  return new Set(ranked.slice(0, raw).map((r) => r.i));
}

export function demoRecord(
  pkg: ScoringPackage,
  device: DemoDevice,
  gemeente: string,
  plan: PlannedResult,
  random: () => number,
  candidateRef: string,
): ResultRecord {
  const def = pkg.definition;
  const byId = new Map(pkg.items.map((i) => [i.id, i]));
  const scored = def.items.map((id) => byId.get(id)!);
  const right = rightItems(scored.length, Math.min(plan.raw, scored.length), random);
  const answers: Record<string, Response> = Object.fromEntries(
    scored.map((item, i) => [item.id, right.has(i) ? item.key : wrongResponse(item)]),
  );
  const score = scoreResponses(def, pkg.items, answers);
  const end = plan.closedAt.getTime();
  const activeMs = 12 * 60_000 + Math.floor(random() * 20 * 60_000);
  const iso = (ms: number) => new Date(ms).toISOString();
  const opened = end - activeMs - 120_000;
  const mouseItems = plan.input === 'mouse' ? scored.length : plan.input === 'mixed' ? 5 : 0;
  const items = scored.map((item, i) => ({
    itemId: item.id,
    family: item.family,
    response: answers[item.id]!,
    answered: true,
    correct: score.items[i]!.correct,
    responseMs: 4000 + Math.floor(random() * 30_000),
    inputTypes: (i < mouseItems
      ? plan.input === 'mouse'
        ? ['mouse']
        : ['touch', 'mouse']
      : ['touch']) as Array<'touch' | 'mouse'>,
    changes: 1 + Math.floor(random() * 3),
    voorbeeldReplays: random() < 0.2 ? 1 : 0,
    audioPlays: 1,
    fast: false,
  }));
  const pauses = plan.focusLost
    ? [{ reason: 'focus-lost' as const, from: iso(opened + 300_000), to: iso(opened + 330_000) }]
    : [];
  return ResultRecord.parse({
    schema: RESULT_SCHEMA,
    resultId: uuidv7({ msecs: end - 60_000 }),
    createdAt: iso(end - 1000),
    status: 'completed',
    demo: false,
    sessionId: randomUUID(),
    deviceId: device.deviceId,
    afnemerId: 'AFN-10001',
    closedBy: 'AFN-10001',
    candidateRef,
    gemeente,
    doelgroep: plan.doelgroep,
    language: plan.language,
    package: {
      packageId: 'lbt-items',
      packageHash: pkg.packageHash,
      definitionId: def.id,
      definitionVersion: def.version,
    },
    scoring: {
      scoringVersion: SCORING_VERSION,
      cesuur: score.cesuur,
      raw: score.raw,
      max: score.max,
      outcome: score.outcome,
      definitionStatus: score.definitionStatus,
      cesuurVersion: score.cesuurVersion,
      ...(score.voorlopig ? { voorlopig: score.voorlopig } : {}),
      twijfelzone: score.twijfelzone,
      unanswered: score.unanswered,
    },
    items,
    timing: {
      openedAt: iso(opened),
      endedAt: iso(end - 5000),
      closedAt: iso(end),
      activeMs,
      pausedMs: plan.focusLost ? 30_000 : 0,
      interruptedMs: 0,
      pauses,
      interruptions: [],
      abort: null,
    },
    afnamecondities: {
      session: {
        shell: 'electron',
        lockdown: 'full',
        device: {
          kind: 'touch-laptop',
          touch: true,
          screen: plan.screen,
          mouseAttached: plan.input !== 'touch',
        },
        ...(plan.interpreter === null
          ? {}
          : {
              instruction: {
                by: plan.interpreter ? 'interpreter' : 'kiosk-audio',
                interpreter: plan.interpreter,
              },
            }),
        preparation: { practicedBefore: plan.practiced },
      },
      device: null,
      displayChanges: [],
    },
    validity: {
      mouseUsed: plan.input !== 'touch',
      focusLost: plan.focusLost,
      focusLostCount: plan.focusLost ? 1 : 0,
      interrupted: false,
      interruptions: 0,
      displayChanges: 0,
      displayOutOfPolicy: 0,
      unansweredItems: [],
      fastAnswers: [],
      fastAnswerMs: def.timePolicy.fastAnswerMs,
      longIdles: 0,
    },
    journal: { headHash: 'a'.repeat(64), records: 2 + scored.length * 3 },
  });
}

export function signedDemoResult(...args: Parameters<typeof demoRecord>): SignedResult {
  return signResult(demoRecord(...args), args[1].signer);
}
