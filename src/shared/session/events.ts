import { z } from 'zod';
import { Stamp } from './event-parts';
import {
  AnswerChanged,
  AnswerCommitted,
  AudioPlayed,
  CandidateIdle,
  FamilyInstructionShown,
  NavigatedBack,
  OpgaveShown,
  VoorbeeldDemonstrated,
  VoorbeeldReplayed,
  VoorbeeldShown,
} from './events-items';
import {
  DisplayChanged,
  SessionAborted,
  SessionClosed,
  SessionCompleted,
  SessionEndedEarly,
  SessionInterrupted,
  SessionOpened,
  SessionPaused,
  SessionResumed,
} from './events-lifecycle';
import {
  PracticeAnswered,
  PracticeAnsweredInput,
  PracticeFinished,
  PracticeRestarted,
  PracticeShown,
  PracticeVoorbeeldDemonstrated,
  PracticeVoorbeeldReplayed,
  PracticeVoorbeeldShown,
} from './events-practice';

/**
 * One session event as the journal stores it and the reducer folds it: a body plus the host's
 * `seq` and `at`. Every candidate or afnemer action is one of these.
 */
export const SessionEvent = z.discriminatedUnion('type', [
  SessionOpened.extend(Stamp),
  PracticeVoorbeeldShown.extend(Stamp),
  PracticeVoorbeeldDemonstrated.extend(Stamp),
  PracticeVoorbeeldReplayed.extend(Stamp),
  PracticeShown.extend(Stamp),
  PracticeAnswered.extend(Stamp),
  PracticeRestarted.extend(Stamp),
  PracticeFinished.extend(Stamp),
  FamilyInstructionShown.extend(Stamp),
  AudioPlayed.extend(Stamp),
  VoorbeeldShown.extend(Stamp),
  VoorbeeldReplayed.extend(Stamp),
  VoorbeeldDemonstrated.extend(Stamp),
  OpgaveShown.extend(Stamp),
  AnswerChanged.extend(Stamp),
  AnswerCommitted.extend(Stamp),
  CandidateIdle.extend(Stamp),
  NavigatedBack.extend(Stamp),
  SessionPaused.extend(Stamp),
  SessionResumed.extend(Stamp),
  SessionInterrupted.extend(Stamp),
  DisplayChanged.extend(Stamp),
  SessionAborted.extend(Stamp),
  SessionCompleted.extend(Stamp),
  SessionEndedEarly.extend(Stamp),
  SessionClosed.extend(Stamp),
]);
export type SessionEvent = z.infer<typeof SessionEvent>;
export type SessionEventType = SessionEvent['type'];
export type EventOf<T extends SessionEventType> = Extract<SessionEvent, { type: T }>;

/** A host-only event body (`session.interrupted`, `display.changed`): the host stamps it like any other. */
export type HostEventBody = z.infer<typeof SessionInterrupted> | z.infer<typeof DisplayChanged>;

/**
 * What the page may send through `session.dispatch`: an event without `seq`/`at` (the host stamps them)
 * and without host-only events (`session.opened` comes from `session.open`, `session.interrupted` from
 * crash recovery, `display.changed` from the host's display watch). A practice answer comes without its `correct` flag, which the host derives from the key.
 */
export const SessionEventInput = z.discriminatedUnion('type', [
  PracticeVoorbeeldShown,
  PracticeVoorbeeldDemonstrated,
  PracticeVoorbeeldReplayed,
  PracticeShown,
  PracticeAnsweredInput,
  PracticeRestarted,
  PracticeFinished,
  FamilyInstructionShown,
  AudioPlayed,
  VoorbeeldShown,
  VoorbeeldReplayed,
  VoorbeeldDemonstrated,
  OpgaveShown,
  AnswerChanged,
  AnswerCommitted,
  CandidateIdle,
  NavigatedBack,
  SessionPaused,
  SessionResumed,
  SessionAborted,
  SessionCompleted,
  SessionEndedEarly,
  SessionClosed,
]);
export type SessionEventInput = z.infer<typeof SessionEventInput>;
