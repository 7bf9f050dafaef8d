/**
 * Fills a real results service with the planned data set through the real paths: devices enrolled with a
 * one-time code over HTTP, device-signed results POSTed to /v1/results (scored again by the service), review
 * accounts created with the service's own user module, and leerroutes recorded over the review API.
 */
import { v7 as uuidv7 } from 'uuid';
import { loadPackage } from '../../../src/host/items/loader';
import { defaultTrustedPublishersFile, readTrustPolicy } from '../../../src/host/items/trust';
import { signResult } from '../../../src/host/result/sign';
import type { ServerDeps } from '../../../src/server/deps';
import type { ScoringPackage } from '../../../src/server/packages';
import { operationalPackageDir } from '../../support/operational-package';
import { createUser } from '../../../src/server/review/users';
import type { Item, Response } from '../../../src/shared/items';
import { ResultRecord, RESULT_SCHEMA } from '../../../src/shared/result';
import { scoreResponses, SCORING_VERSION } from '../../../src/shared/scoring';
import { enrollDevice, newDevice, postResult, type TestDevice } from '../../support/results-service';
import { ReviewClient } from './review-client';
import { GEMEENTE_A, GEMEENTE_B, SEED, type PlannedResult } from './seed-plan';

export const PASSWORD = 'correct-horse-battery-staple';
export const USERS = {
  consulentA: { username: 'consulent.a', gemeente: GEMEENTE_A, role: 'consulent' },
  beheerderA: { username: 'beheerder.a', gemeente: GEMEENTE_A, role: 'beheerder' },
  consulentB: { username: 'consulent.b', gemeente: GEMEENTE_B, role: 'consulent' },
} as const;

/**
 * The signed reference package (40 opgaven, cesuur 28) as the service scores against it, released as operational
 * (test/support/operational-package.ts): items/ itself is a pilot and gives no advice, and this dashboard is
 * about advice.
 */
export function referencePackage(): ScoringPackage {
  const loaded = loadPackage(
    operationalPackageDir().dir,
    readTrustPolicy(defaultTrustedPublishersFile, true),
  );
  if (!loaded.ok) throw new Error(`the operational copy does not load: ${JSON.stringify(loaded.problems)}`);
  const pkg = loaded.package;
  return { packageHash: pkg.packageHash, definition: pkg.definition, items: [...pkg.items.values()] };
}

/** A wrong answer of the item's own kind: another option, another target, or the key's tiles reversed. */
function wrongAnswer(item: Item): Response {
  const key = item.key;
  const spec = item.opgave.interaction;
  if (key.kind === 'choose' && spec.kind === 'choose')
    return { kind: 'choose', optionId: spec.options.find((option) => option.id !== key.optionId)!.id };
  if (key.kind === 'place' && spec.kind === 'place')
    return { kind: 'place', targetId: spec.targets.find((target) => target.id !== key.targetId)!.id };
  if (key.kind === 'order') return { kind: 'order', sequence: [...key.sequence].reverse() };
  throw new Error(`item ${item.id}: key and interaction differ in kind`);
}

/**
 * Answers that score exactly `raw`, like a real candidate: the later (harder) opgaven are more often wrong, with
 * noise, so the item statistics look like real data. Deterministic per candidate.
 */
function answersFor(pkg: ScoringPackage, raw: number, seed: string): Record<string, Response> {
  let state =
    [...seed].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 16777619), 2166136261) >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const ids = pkg.definition.items;
  const easiestFirst = ids
    .map((itemId, index) => ({ itemId, weight: index / ids.length + (next() - 0.5) * 0.7 }))
    .sort((a, b) => a.weight - b.weight);
  const right = new Set(easiestFirst.slice(0, raw).map((entry) => entry.itemId));
  const byId = new Map(pkg.items.map((item) => [item.id, item]));
  return Object.fromEntries(
    ids.map((itemId) => {
      const item = byId.get(itemId)!;
      return [itemId, right.has(itemId) ? item.key : wrongAnswer(item)];
    }),
  );
}

function record(pkg: ScoringPackage, device: TestDevice, plan: PlannedResult): ResultRecord {
  const answers = answersFor(pkg, plan.raw, plan.candidateRef);
  const score = scoreResponses(pkg.definition, pkg.items, answers);
  if (score.raw !== plan.raw) throw new Error(`seed: wanted raw ${plan.raw}, the answers score ${score.raw}`);
  const aborted = plan.status === 'aborted';
  const closed = plan.closedAt.getTime();
  const iso = (offsetMs: number) => new Date(closed + offsetMs).toISOString();
  const byId = new Map(pkg.items.map((item) => [item.id, item]));
  const items = pkg.definition.items.map((itemId, index) => {
    const scored = score.items[index]!;
    return {
      itemId,
      family: byId.get(itemId)!.family,
      response: answers[itemId]!,
      answered: scored.answered,
      correct: scored.correct,
      responseMs: 4000 + (index % 5) * 900,
      inputTypes: [plan.input],
      changes: 1,
      voorbeeldReplays: 0,
      audioPlays: 1,
      fast: false,
    };
  });
  return ResultRecord.parse({
    schema: RESULT_SCHEMA,
    resultId: uuidv7(),
    createdAt: iso(1000),
    status: plan.status,
    demo: false,
    sessionId: crypto.randomUUID(),
    deviceId: device.deviceId,
    afnemerId: 'AFN-20417',
    closedBy: 'AFN-20417',
    candidateRef: plan.candidateRef,
    gemeente: plan.gemeente,
    doelgroep: plan.doelgroep,
    language: plan.language,
    package: {
      packageId: 'lbt-referentie',
      packageHash: pkg.packageHash,
      definitionId: pkg.definition.id,
      definitionVersion: pkg.definition.version,
    },
    scoring: {
      scoringVersion: SCORING_VERSION,
      cesuur: score.cesuur,
      raw: score.raw,
      max: score.max,
      outcome: aborted ? null : score.outcome,
      twijfelzone: score.twijfelzone,
      unanswered: score.unanswered,
    },
    items,
    timing: {
      openedAt: iso(-30 * 60_000),
      endedAt: iso(-60_000),
      closedAt: iso(0),
      activeMs: 28 * 60_000,
      pausedMs: plan.focusLost ? 20_000 : 0,
      interruptedMs: 0,
      pauses: plan.focusLost
        ? [{ reason: 'focus-lost', from: iso(-20 * 60_000), to: iso(-20 * 60_000 + 20_000) }]
        : [],
      interruptions: [],
      abort: aborted ? { reason: 'candidate-unwell', at: iso(-60_000) } : null,
    },
    afnamecondities: {
      session: {
        shell: 'chromium',
        lockdown: 'reduced',
        device: {
          kind: 'touch-laptop',
          touch: true,
          screen: { widthPx: 1920, heightPx: 1080, scaleFactor: 1 },
        },
        instruction: { interpreter: plan.interpreter },
        preparation: { practicedBefore: plan.practiced },
      },
      device: null,
      displayChanges: [],
    },
    validity: {
      mouseUsed: plan.input === 'mouse',
      focusLost: plan.focusLost,
      focusLostCount: plan.focusLost ? 1 : 0,
      interrupted: false,
      interruptions: 0,
      displayChanges: 0,
      displayOutOfPolicy: 0,
      unansweredItems: [],
      fastAnswers: [],
      fastAnswerMs: pkg.definition.timePolicy.fastAnswerMs,
      longIdles: 0,
    },
    journal: { headHash: 'e'.repeat(64), records: 90 },
  });
}

export interface Seeded {
  /** resultId by candidateRef, for both gemeenten. */
  ids: Map<string, string>;
}

export async function seedService(url: string, deps: ServerDeps, pkg: ScoringPackage): Promise<Seeded> {
  const devices = new Map<string, TestDevice[]>();
  for (const gemeente of [GEMEENTE_A, GEMEENTE_B]) {
    const pair = [newDevice(), newDevice()];
    for (const device of pair) await enrollDevice(url, deps, device, gemeente);
    devices.set(gemeente, pair);
  }
  const ids = new Map<string, string>();
  for (const plan of SEED) {
    const device = devices.get(plan.gemeente)![plan.device]!;
    const signed = signResult(record(pkg, device, plan), device.signer);
    const answer = await postResult(url, signed);
    if (answer.status !== 201)
      throw new Error(`seed upload ${plan.candidateRef}: ${answer.status} ${JSON.stringify(answer.json)}`);
    ids.set(plan.candidateRef, signed.payload.resultId);
  }
  for (const user of Object.values(USERS))
    await createUser(deps.db, deps.now(), { ...user, password: PASSWORD });

  // The routes are recorded by each gemeente's consulent over the API, as the dashboard would.
  for (const gemeente of [GEMEENTE_A, GEMEENTE_B]) {
    const consulent = gemeente === GEMEENTE_A ? USERS.consulentA : USERS.consulentB;
    const client = await ReviewClient.login(url, consulent.username, PASSWORD);
    for (const plan of SEED.filter((candidate) => candidate.gemeente === gemeente && candidate.route)) {
      const response = await client.put(`results/${ids.get(plan.candidateRef)}/leerroute`, plan.route);
      if (response.status !== 200)
        throw new Error(`seed route ${plan.candidateRef}: ${response.status} ${await response.text()}`);
    }
  }
  return { ids };
}
