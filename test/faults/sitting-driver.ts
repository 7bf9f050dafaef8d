/**
 * One sitting driven through the host's contract, remembering every acknowledged event (the page saw the
 * answer) so that after a kill we can check each of them is still in the journal.
 */
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';
import { verifyResult } from '../../src/host/result/sign';
import { publicKeyFromRaw } from '../../src/host/signing/sign';
import type { SignedResult } from '../../src/shared/result';
import { scoreResponses } from '../../src/shared/scoring';
import type { SessionContext, SessionEvent, SessionEventInput, SessionView } from '../../src/shared/session';
import type { CallAnswer, RunningHost } from './host';
import type { Rng } from './rng';
import { planSitting, type SittingPlan } from './sitting-plan';

export const openRequest = {
  afnemerId: 'afnemer-fault',
  candidateRef: 'K-FAULT',
  gemeente: 'Utrecht',
  doelgroep: 'onbekend',
  language: 'nl',
  conditions: { shell: 'chromium', lockdown: 'reduced' },
};

interface Acked {
  seq: number;
  type: string;
  input: SessionEventInput | null;
  /** Already counted as lost at an earlier restart: counted once, not at every restart after. */
  lost?: boolean;
}

export class Sitting {
  readonly plan: SittingPlan;
  sessionId: string | null = null;
  /** Plan inputs the host has accepted (from acks, or from the journal after a restart). */
  position = 0;
  readonly acked: Acked[] = [];
  closed = false;

  constructor(
    readonly content: SessionContext,
    rng: Rng,
  ) {
    this.plan = planSitting(content, rng);
  }

  /** The next action as a call; `accept` records its acknowledgement. */
  nextCall(): { channel: string; request: unknown; accept: (answer: CallAnswer) => void } {
    if (!this.sessionId) {
      return {
        channel: 'session.open',
        request: openRequest,
        accept: (answer) => {
          const view = expectOk(answer, 'session.open') as SessionView;
          this.sessionId = view.state.session!.sessionId;
          this.acked.push({ seq: 1, type: 'session.opened', input: null });
        },
      };
    }
    const input = this.plan.inputs[this.position]!;
    return {
      channel: 'session.dispatch',
      request: input,
      accept: (answer) => {
        const view = expectOk(answer, input.type) as SessionView;
        this.acked.push({ seq: view.state.lastSeq, type: input.type, input });
        this.position += 1;
        if (input.type === 'session.closed') this.closed = true;
      },
    };
  }

  async step(host: RunningHost): Promise<void> {
    const next = this.nextCall();
    next.accept(await host.call(next.channel, next.request));
  }

  /** Acknowledged events missing from (or different in) the journal. */
  lostIn(events: readonly SessionEvent[]): Acked[] {
    const lost = this.acked.filter((a) => {
      if (a.lost) return false;
      const stored = events[a.seq - 1];
      if (!stored || stored.seq !== a.seq || stored.type !== a.type) return true;
      if (!a.input) return false;
      const { seq: _seq, at: _at, ...body } = stored as SessionEvent & Record<string, unknown>;
      // Practice answers get `correct` from the host; everything else is stored as sent.
      const { correct: _correct, ...comparable } = body as Record<string, unknown>;
      const { correct: _c, ...sent } = a.input as Record<string, unknown>;
      return !isDeepStrictEqual(comparable, sent);
    });
    for (const a of lost) a.lost = true;
    return lost;
  }

  /** Checks the stored result: it verifies with the device key and scores exactly the answers given. */
  async verifyResult(host: RunningHost, dataDir: string): Promise<string[]> {
    const answer = await host.call('result.get', { sessionId: this.sessionId });
    if (!answer.ok || !answer.value) return [`no stored result for ${this.sessionId}`];
    const envelope = answer.value as SignedResult;
    const device = JSON.parse(readFileSync(join(dataDir, 'identity', 'device.json'), 'utf8')) as {
      publicKey: string;
    };
    const problems: string[] = [];
    const verified = verifyResult(envelope, publicKeyFromRaw(Buffer.from(device.publicKey, 'base64')));
    if (!verified.ok) problems.push(`result does not verify: ${verified.reason}`);
    const expected = scoreResponses(this.content.definition, this.content.items, this.plan.answers);
    const p = envelope.payload;
    if (p.scoring.raw !== expected.raw) problems.push(`raw ${p.scoring.raw}, expected ${expected.raw}`);
    if (p.status !== 'completed') problems.push(`status ${p.status}`);
    for (const item of p.items) {
      if (!isDeepStrictEqual(item.response, this.plan.answers[item.itemId]))
        problems.push(`item ${item.itemId}: stored answer differs from the one given`);
    }
    return problems;
  }
}

function expectOk(answer: CallAnswer, what: string): unknown {
  if (!answer.ok) throw new Error(`${what} refused: ${answer.error.code}: ${answer.error.message}`);
  return answer.value;
}
