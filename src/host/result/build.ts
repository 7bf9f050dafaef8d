import { v7 as uuidv7 } from 'uuid';
import type { DeviceConditions } from '../../shared/device';
import { isFastAnswer, ResultRecord, RESULT_SCHEMA, validityOf } from '../../shared/result';
import { scoreSession } from '../../shared/scoring';
import type { SessionContext, SessionState } from '../../shared/session';

export interface ResultInput {
  /** The folded state with the `session.closed` event applied (it is not yet journaled). */
  state: SessionState;
  context: SessionContext;
  deviceId: string;
  /** The device check confirmed in this host run, if any. */
  device: DeviceConditions | null;
  /** The journal's head before `session.closed`: the record quotes what it was built from. */
  journal: { headHash: string; records: number };
  now: Date;
  newResultId?: () => string;
}

/**
 * Builds the result record from the folded state alone, so a re-build from the journal gives the same facts.
 * Throws if the state is not an ended, closing sitting: a result of a running test would be meaningless.
 */
export function buildResultRecord(input: ResultInput): ResultRecord {
  const { state, context } = input;
  const opened = state.session;
  const ending = state.ending;
  if (!opened || !ending || !state.closedBy || !state.clock.openedAt || !state.clock.closedAt) {
    throw new Error(`cannot build a result: the session is not closing (status ${state.status})`);
  }
  const score = scoreSession(state, context);
  const fastAnswerMs = context.definition.timePolicy.fastAnswerMs;
  const correctById = new Map(score.items.map((item) => [item.itemId, item]));
  const items = state.items.map((record) => {
    const scored = correctById.get(record.itemId)!;
    return {
      itemId: record.itemId,
      family: record.family,
      response: record.committed,
      answered: scored.answered,
      correct: scored.correct,
      responseMs: record.responseMs,
      inputTypes: record.inputTypes,
      changes: record.changes,
      voorbeeldReplays: record.replays,
      audioPlays: record.audioPlays,
      fast: isFastAnswer(record, fastAnswerMs),
    };
  });
  const pauses = state.incidents.flatMap((i) =>
    i.kind === 'pause' ? [{ reason: i.reason, from: i.from, to: i.to }] : [],
  );
  const interruptions = state.incidents.flatMap((i) =>
    i.kind === 'interruption' ? [{ reason: 'host-down' as const, from: i.from, to: i.to }] : [],
  );
  const abortIncident = state.incidents.find((i) => i.kind === 'abort');
  const abort =
    abortIncident?.kind === 'abort'
      ? {
          reason: abortIncident.reason,
          at: abortIncident.at,
          ...(abortIncident.note !== undefined ? { note: abortIncident.note } : {}),
        }
      : null;
  // An early stop keeps its outcome: it is scored over every opgave, the unanswered ones wrong.
  const completed = ending.kind === 'completed' || ending.kind === 'ended-early';
  const spoken = context.instructions?.find((i) => i.language === opened.language);

  return ResultRecord.parse({
    schema: RESULT_SCHEMA,
    resultId: (input.newResultId ?? uuidv7)(),
    createdAt: input.now.toISOString(),
    status: completed ? 'completed' : 'aborted',
    demo: opened.demo === true,
    sessionId: opened.sessionId,
    deviceId: input.deviceId,
    afnemerId: opened.afnemerId,
    closedBy: state.closedBy,
    candidateRef: opened.candidateRef,
    gemeente: opened.gemeente,
    doelgroep: opened.doelgroep,
    language: opened.language,
    ...(spoken
      ? {
          instructionAudio: Object.fromEntries(
            Object.entries(spoken.texts).map(([key, text]) => [key, text.provenance]),
          ),
        }
      : {}),
    package: {
      packageId: opened.packageId,
      packageHash: opened.packageHash,
      definitionId: opened.definitionId,
      definitionVersion: opened.definitionVersion,
    },
    scoring: {
      scoringVersion: score.scoringVersion,
      cesuur: score.cesuur,
      raw: score.raw,
      max: score.max,
      outcome: completed ? score.outcome : null,
      definitionStatus: score.definitionStatus,
      cesuurVersion: score.cesuurVersion,
      ...(completed && score.voorlopig ? { voorlopig: score.voorlopig } : {}),
      twijfelzone: score.twijfelzone,
      unanswered: score.unanswered,
    },
    items,
    timing: {
      openedAt: state.clock.openedAt,
      endedAt: ending.at,
      closedAt: state.clock.closedAt,
      activeMs: state.clock.activeMs,
      pausedMs: state.clock.pausedMs,
      interruptedMs: state.clock.interruptedMs,
      pauses,
      interruptions,
      abort,
    },
    afnamecondities: {
      session: opened.conditions,
      device: input.device,
      displayChanges: state.incidents.flatMap((i) =>
        i.kind === 'display-change'
          ? [{ at: i.at, source: i.source, measurement: i.measurement, broken: i.broken }]
          : [],
      ),
    },
    validity: validityOf(state, context),
    journal: input.journal,
  });
}
