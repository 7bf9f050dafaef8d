import { randomUUID } from 'node:crypto';
import {
  createSessionReducer,
  SessionOpenRequest,
  stampEvent,
  toSessionView,
  type SessionContext,
  type HostEventBody,
  type SessionEvent,
  type SessionEventInput,
  type SessionReducer,
  type SessionState,
  type SessionView,
} from '../../shared/session';
import { Rejected } from '../router';
import { MemoryEventSink, type EventSink } from './event-sink';

export interface SessionServiceOptions {
  /** The package content sittings run on; null while no valid package is loaded. */
  content: () => SessionContext | null;
  /** The sink for one session's events (later: its journal). Default: in memory. */
  openSink?: (sessionId: string) => EventSink | Promise<EventSink>;
  /** The host clock; injectable so tests control event times. */
  now?: () => Date;
  newSessionId?: () => string;
  /**
   * A demonstration host (src/host/demo-mode.ts): every sitting it opens while this says so is marked demo in its
   * opening event and result. Asked at each opening, since development hosts may switch demo on.
   */
  demo?: () => boolean;
  /**
   * Runs when the afnemer closes a sitting, after the reducer accepted `session.closed` and BEFORE it is
   * stored or acknowledged: the durable host builds, signs and stores the result record here. If it throws,
   * the sitting stays open (throw `Rejected` to give the afnemer the reason).
   */
  onClosing?: (closing: ClosingSession) => Promise<void>;
  /** Where failures after an acknowledged close are reported (the journal's close record). */
  onError?: (error: unknown) => void;
}

export interface ClosingSession {
  /** The state with `session.closed` applied. */
  state: SessionState;
  context: SessionContext;
  sink: EventSink;
}

export interface SessionService {
  open(request: SessionOpenRequest): Promise<SessionView>;
  dispatch(input: SessionEventInput): Promise<SessionView>;
  /** Records a host-only event (the display watch's `display.changed`), stamped like any other. */
  record(body: Exclude<HostEventBody, { type: 'session.interrupted' }>): Promise<SessionView>;
  /** Records that the host was down from `from` to `to` (crash recovery calls this after `restore`). */
  interrupt(from: string, to: string): Promise<SessionView>;
  /** Rebuilds the current sitting from stored events (crash-resume); throws if they do not fold. */
  restore(events: readonly SessionEvent[], sink: EventSink, content?: SessionContext): SessionView;
  view(): SessionView | null;
  state(): SessionState | null;
  /** The accepted events of the current sitting, in order. */
  events(): readonly SessionEvent[];
  /** Lets go of the current sitting's store (a shell shutting down, or a test's "restart"); it stays resumable. */
  release(): Promise<void>;
}

interface Current {
  reducer: SessionReducer;
  state: SessionState;
  sink: EventSink;
  events: SessionEvent[];
}

/**
 * Holds the one sitting in progress. Each event is stamped (`seq`, `at`), checked by the shared reducer,
 * appended to the sink, and only then applied and acknowledged: an event the page saw acknowledged is in
 * the sink, and an event the sink refused never happened. Calls run one at a time, so a double tap on
 * "volgende" is two events in order (the second then refused), never two interleaved writes.
 */
export function createSessionService(options: SessionServiceOptions): SessionService {
  const now = options.now ?? (() => new Date());
  const newSessionId = options.newSessionId ?? randomUUID;
  const openSink = options.openSink ?? (() => new MemoryEventSink());
  let current: Current | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  /** Never earlier than the last event: a clock stepping back must not make the reducer refuse the candidate. */
  const stampTime = (state: SessionState): string => {
    const wall = now().getTime();
    const last = state.clock.lastAt ? Date.parse(state.clock.lastAt) : wall;
    return new Date(Math.max(wall, last)).toISOString();
  };

  const commit = async (session: Current, event: SessionEvent): Promise<SessionView> => {
    const result = session.reducer.apply(session.state, event);
    if (!result.ok) throw new Rejected(result.reason);
    if (event.type === 'session.closed' && options.onClosing) {
      await options.onClosing({ state: result.state, context: session.reducer.context, sink: session.sink });
    }
    await session.sink.append(event);
    session.state = result.state;
    session.events.push(event);
    if (event.type === 'session.closed' && session.sink.finish) {
      // Acknowledged already; a journal left without its close record is closed by recovery at next start.
      await session.sink.finish().catch((error: unknown) => options.onError?.(error));
    }
    return toSessionView(session.state, session.reducer.context);
  };

  const requireCurrent = (): Current => {
    if (!current) throw new Rejected('Er is nog geen sessie geopend.');
    return current;
  };

  return {
    open: (raw) =>
      exclusive(async () => {
        const request = SessionOpenRequest.parse(raw);
        if (current && current.state.status !== 'closed') {
          throw new Rejected(
            'Er loopt al een sessie; rond die af of breek die af en sluit haar, voordat een nieuwe begint.',
          );
        }
        const content = options.content();
        if (!content)
          throw new Rejected('Er is geen geldig itempakket geladen; een sessie kan niet beginnen.');
        const reducer = createSessionReducer(content);
        const sessionId = newSessionId();
        const event: SessionEvent = {
          type: 'session.opened',
          seq: 1,
          at: now().toISOString(),
          sessionId,
          packageId: content.packageId,
          packageHash: content.packageHash,
          definitionId: content.definition.id,
          definitionVersion: content.definition.version,
          cesuur: content.definition.cesuur,
          ...request,
          // Set by the host's start option only: the request schema has no such field, so a page cannot.
          ...(options.demo?.() ? { demo: true as const } : {}),
        };
        const checked = reducer.apply(reducer.initial, event);
        if (!checked.ok) throw new Rejected(checked.reason);
        const session: Current = {
          reducer,
          state: reducer.initial,
          sink: await openSink(sessionId),
          events: [],
        };
        let view: SessionView;
        try {
          view = await commit(session, event);
        } catch (error) {
          await session.sink.release?.().catch((e: unknown) => options.onError?.(e));
          throw error;
        }
        if (current) await current.sink.release?.().catch((e: unknown) => options.onError?.(e));
        current = session;
        return view;
      }),

    dispatch: (input) =>
      exclusive(async () => {
        const session = requireCurrent();
        const stamp = { seq: session.state.lastSeq + 1, at: stampTime(session.state) };
        return commit(session, stampEvent(input, stamp, session.reducer.context));
      }),

    record: (body) =>
      exclusive(async () => {
        const session = requireCurrent();
        const event: SessionEvent = { ...body, seq: session.state.lastSeq + 1, at: stampTime(session.state) };
        return commit(session, event);
      }),

    interrupt: (from, to) =>
      exclusive(async () => {
        const session = requireCurrent();
        // Recorded as of `to` (when the host came back), so no time between recovery steps counts as test time.
        const lastAt = session.state.clock.lastAt ? Date.parse(session.state.clock.lastAt) : Date.parse(to);
        const event: SessionEvent = {
          type: 'session.interrupted',
          seq: session.state.lastSeq + 1,
          at: new Date(Math.max(Date.parse(to), lastAt)).toISOString(),
          from,
          to,
        };
        return commit(session, event);
      }),

    restore(events, sink, content) {
      const source = content ?? options.content();
      if (!source) throw new Error('Cannot restore a session: no package content.');
      const reducer = createSessionReducer(source);
      const folded = reducer.fold(events);
      if (!folded.ok) {
        throw new Error(
          `Stored session does not fold: event ${folded.index + 1} (${events[folded.index]?.type}): ${folded.reason}`,
        );
      }
      current = { reducer, state: folded.state, sink, events: [...events] };
      return toSessionView(folded.state, reducer.context);
    },

    view: () => (current ? toSessionView(current.state, current.reducer.context) : null),
    state: () => current?.state ?? null,
    events: () => current?.events ?? [],
    release: () =>
      exclusive(async () => {
        const session = current;
        current = null;
        await session?.sink.release?.();
      }),
  };
}
