import { isCorrect } from '../scoring/correctness';
import { ms } from './clock';
import type { PreparedContext } from './context';
import { checkResponseFits, isComplete } from './response-fit';
import { formatIssues } from '../json/issues';
import { SessionState } from './state';

/**
 * Everything that must hold for any state the reducer produces. Used by the property tests and, after a
 * crash, by the host to check a resumed state before trusting it. Returns the violations (empty = valid).
 */
export function checkSessionInvariants(state: SessionState, context: PreparedContext): string[] {
  const problems: string[] = [];
  const fail = (message: string) => problems.push(message);
  const parsed = SessionState.safeParse(state);
  if (!parsed.success) fail(`state schema: ${formatIssues(parsed.error)}`);

  const opened = state.status !== 'new';
  if (opened !== (state.session !== null) || opened !== (state.phase.kind !== 'not-opened')) {
    fail('status "new", no session details and phase "not-opened" must go together');
  }
  if (state.lastSeq !== state.counts.events)
    fail(`lastSeq ${state.lastSeq} != events ${state.counts.events}`);
  if (
    state.items.length !== context.ordered.length ||
    state.practice.length !== context.practiceOrdered.length
  ) {
    fail('one record per item and per practice item');
  }

  // Answers: a committed answer is complete and fits its opgave; the counters agree with the records.
  const committed = state.items.filter((record) => record.committed !== null);
  if (committed.length !== state.counts.committed)
    fail(`committed count ${state.counts.committed} != ${committed.length}`);
  state.items.forEach((record, index) => {
    const item = context.ordered[index]!;
    if (record.itemId !== item.id) fail(`record ${index} is ${record.itemId}, expected ${item.id}`);
    if (record.committed) {
      if (!isComplete(record.committed)) fail(`${item.id}: committed answer is incomplete`);
      const misfit = checkResponseFits(record.committed, item.opgave);
      if (misfit) fail(`${item.id}: committed answer does not fit: ${misfit}`);
      if (!record.opgaveShownAt || !record.committedAt || record.commits < 1 || record.responseMs === null) {
        fail(`${item.id}: committed without opgave shown, commit time or response time`);
      } else if (ms(record.committedAt) < ms(record.opgaveShownAt))
        fail(`${item.id}: committed before shown`);
    }
    if (record.opgaveShownAt && !record.voorbeeldShownAt)
      fail(`${item.id}: opgave shown before its voorbeeld`);
    if (record.voorbeeldShownAt && !state.familiesInstructed.includes(record.family)) {
      fail(`${item.id}: voorbeeld shown before the "${record.family}" instruction`);
    }
  });
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  if (sum(state.items.map((r) => r.changes)) !== state.counts.changes)
    fail('changes count disagrees with records');
  if (sum(state.items.map((r) => r.replays)) !== state.counts.replays)
    fail('replays count disagrees with records');
  if (sum(state.practice.map((r) => r.attempts)) !== state.counts.practiceAttempts)
    fail('practice attempts disagree');
  state.practice.forEach((record, index) => {
    const item = context.practiceOrdered[index]!;
    if (record.lastResponse && record.lastCorrect !== isCorrect(record.lastResponse, item.key)) {
      fail(`${item.id}: practice feedback disagrees with the key`);
    }
  });

  // Where the sitting stands agrees with what was answered.
  const phase = state.phase;
  if (phase.kind === 'practice') {
    const item = context.practiceOrdered[phase.index];
    if (item?.id !== phase.itemId) fail('practice phase names the wrong item');
    if (!item?.voorbeeld && phase.voorbeeld !== 'none')
      fail('practice voorbeeld shown for an item without one');
    if (item?.voorbeeld && phase.shown && phase.voorbeeld !== 'demonstrated')
      fail('practice opgave shown before its voorbeeld was demonstrated');
    if (committed.length > 0) fail('answers committed while still in practice');
  }
  if (phase.kind === 'voorbeeld' || phase.kind === 'opgave' || phase.kind === 'family-instruction') {
    const item = context.ordered[phase.itemIndex];
    if (!item) fail(`phase item index ${phase.itemIndex} out of range`);
    else if ('itemId' in phase && item.id !== phase.itemId) fail('phase names the wrong item');
    if (phase.kind === 'opgave' && state.items[phase.itemIndex]?.opgaveShownAt === null)
      fail('opgave phase without opgave shown');
    if (state.items.slice(0, phase.itemIndex).some((record) => record.committed === null)) {
      fail('an earlier opgave has no committed answer');
    }
    if (
      !context.definition.allowBack &&
      state.items.slice(phase.itemIndex).some((r) => r.committed !== null)
    ) {
      fail('a later opgave is committed although going back is not allowed');
    }
  }
  // Only an early stop (the afnemer's, with a result) reaches the end with opgaven left open.
  const endedEarly = state.ending?.kind === 'ended-early';
  if (phase.kind === 'end' && !endedEarly && committed.length !== state.items.length)
    fail('end phase with unanswered opgaven');
  if (
    (state.status === 'completed' || state.ending?.kind === 'completed') &&
    !endedEarly &&
    committed.length !== state.items.length
  ) {
    fail('completed with unanswered opgaven');
  }

  // Pauses, endings and time.
  const openPauses = state.incidents.filter((i) => i.kind === 'pause' && i.to === null).length;
  if ((state.status === 'paused') !== (state.pause !== null) || openPauses !== (state.pause ? 1 : 0)) {
    fail('status "paused", the pause record and one open pause incident must go together');
  }
  if (state.incidents.filter((i) => i.kind === 'pause').length !== state.counts.pauses)
    fail('pause count disagrees');
  if (state.incidents.filter((i) => i.kind === 'interruption').length !== state.counts.interruptions) {
    fail('interruption count disagrees');
  }
  const ended = state.status === 'completed' || state.status === 'aborted' || state.status === 'closed';
  if (ended !== (state.ending !== null) || ended !== (state.clock.endedAt !== null)) {
    fail('an ending (and its time) exists exactly when the sitting ended');
  }
  if ((state.status === 'closed') !== (state.closedBy !== null)) fail('closedBy is set exactly when closed');
  const { openedAt, lastAt, endedAt, activeMs, pausedMs, interruptedMs } = state.clock;
  if (openedAt && lastAt) {
    const span = ms(endedAt ?? lastAt) - ms(openedAt);
    if (activeMs + pausedMs + interruptedMs !== span) {
      fail(`time: active ${activeMs} + paused ${pausedMs} + interrupted ${interruptedMs} != ${span}`);
    }
  }
  return problems;
}
