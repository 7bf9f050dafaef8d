/**
 * "Afwijkende afnames" over real uploads: signed results that were paused, aborted, ended early and resumed after
 * an interruption, on two kiosks and two afnemers, through POST /v1/results; the API counts them per afnemer and
 * per location with their reason codes, marks small groups, and answers only the consulent and beheerder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollDemoDevice } from '../../../../../src/cli/demo/run';
import { demoRecord, type DemoDevice } from '../../../../../src/cli/demo/record';
import { signResult } from '../../../../../src/host/result/sign';
import { prng } from '../../../../../src/server/demo/plan';
import { setReferenceForm } from '../../../../../src/server/admin/reference-forms';
import type { ResultRecord } from '../../../../../src/shared/result';
import {
  addUser,
  Client,
  DB_KINDS,
  plan,
  realPackage,
  startReviewService,
  type ReviewService,
} from '../../../../support/review-support';
import { CLI_ACTOR } from '../../../../../src/server/audit/append';

type Change = (record: ResultRecord) => ResultRecord;
const at = (minute: number) => `2026-05-20T10:${String(minute).padStart(2, '0')}:00.000Z`;

const paused =
  (...reasons: ResultRecord['timing']['pauses'][number]['reason'][]): Change =>
  (r) => ({
    ...r,
    timing: {
      ...r.timing,
      pauses: reasons.map((reason, i) => ({ reason, from: at(1 + i), to: at(2 + i) })),
    },
  });
const aborted =
  (reason: NonNullable<ResultRecord['timing']['abort']>['reason'], note?: string): Change =>
  (r) => ({
    ...r,
    status: 'aborted',
    scoring: { ...r.scoring, outcome: null },
    timing: { ...r.timing, abort: { reason, at: r.timing.endedAt, ...(note ? { note } : {}) } },
  });
const endedEarly: Change = (r) => ({
  ...r,
  validity: { ...r.validity, endedEarly: { reason: 'not-understood', at: r.timing.endedAt } },
});
const interrupted: Change = (r) => ({
  ...r,
  timing: { ...r.timing, interruptions: [{ reason: 'host-down', from: at(3), to: at(4) }] },
  validity: { ...r.validity, interrupted: true, interruptions: 1 },
});
const normal: Change = (r) => ({ ...r, timing: { ...r.timing, pauses: [] } });

describe.each(DB_KINDS)('afwijkende afnames on %s', (kind) => {
  let service: ReviewService;
  let consulent: Client;
  let withNote: string;

  async function upload(device: DemoDevice, afnemerId: string, i: number, ...changes: Change[]) {
    let record = demoRecord(
      realPackage(),
      device,
      'Utrecht',
      plan(30, 'B1', at(20 + i)),
      prng(i + 1),
      `K-${i}`,
    );
    record = { ...record, afnemerId, closedBy: afnemerId };
    for (const change of [normal, ...changes]) record = change(record);
    const response = await fetch(`${service.url}/v1/results`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(signResult(record, device.signer)),
    });
    expect(response.status, await response.text()).toBe(201);
    return record.resultId;
  }

  beforeAll(async () => {
    service = await startReviewService(kind);
    await addUser(service, 'consulent', 'Utrecht', 'consulent');
    await addUser(service, 'viewer', 'Utrecht', 'viewer');
    await addUser(service, 'beheerder', 'Utrecht', 'beheerder');
    const balie = await enrollDemoDevice(service.url, service.deps, 'Utrecht', 'Stadskantoor balie 3');
    const wijk = await enrollDemoDevice(service.url, service.deps, 'Utrecht', 'Wijkbureau Overvecht');
    let i = 0;
    await upload(balie, 'AFN-1', i++);
    await upload(balie, 'AFN-1', i++, paused('candidate-break', 'candidate-break'));
    await upload(balie, 'AFN-1', i++, paused('focus-lost'), aborted('candidate-unwell'));
    await upload(balie, 'AFN-1', i++, endedEarly);
    await upload(wijk, 'AFN-2', i++, interrupted, paused('host-restart'));
    // An abort note is free text older kiosks could sign; such results still verify and show it.
    withNote = await upload(wijk, 'AFN-2', i, aborted('technical-failure', 'scherm viel uit'));
    consulent = new Client(service.url);
    expect((await consulent.login('consulent')).status).toBe(200);
  });
  afterAll(() => service?.stop());

  it('counts each kind of ending per afnemer, with the total and small groups marked', async () => {
    const answer = await consulent.get('/v1/review/conduct?by=afnemer&minGroup=3');
    expect(answer.status).toBe(200);
    expect(answer.json.total).toEqual({
      n: 6,
      paused: 3,
      endedEarly: 1,
      aborted: 2,
      recovered: 1,
      normal: 1,
    });
    expect(answer.json.rows).toEqual([
      {
        key: 'AFN-1',
        label: 'AFN-1',
        n: 4,
        paused: 2,
        endedEarly: 1,
        aborted: 1,
        recovered: 0,
        normal: 1,
        tooSmall: false,
      },
      {
        key: 'AFN-2',
        label: 'AFN-2',
        n: 2,
        paused: 1,
        endedEarly: 0,
        aborted: 1,
        recovered: 1,
        normal: 0,
        tooSmall: true,
      },
    ]);
  });

  it('counts per location under the kiosk label, and lists the reason codes with Dutch labels', async () => {
    const answer = await consulent.get('/v1/review/conduct?by=location');
    expect(answer.status).toBe(200);
    expect(answer.json.minGroup).toBe(30);
    expect(answer.json.rows.map((r: { label: string; n: number }) => [r.label, r.n])).toEqual([
      ['Stadskantoor balie 3', 4],
      ['Wijkbureau Overvecht', 2],
    ]);
    expect(answer.json.rows.every((r: { tooSmall: boolean }) => r.tooSmall)).toBe(true);
    expect(answer.json.reasons).toEqual([
      { kind: 'abort', code: 'candidate-unwell', label: 'Kandidaat werd onwel', n: 1 },
      { kind: 'abort', code: 'technical-failure', label: 'Technische storing', n: 1 },
      { kind: 'ended-early', code: 'not-understood', label: 'Kandidaat begrijpt de opdracht niet', n: 1 },
      // Two break pauses in one sitting count as one sitting.
      { kind: 'pause', code: 'candidate-break', label: 'Pauze op verzoek van de kandidaat', n: 1 },
      { kind: 'pause', code: 'focus-lost', label: 'Toetsvenster verloor de focus (kiosk)', n: 1 },
      { kind: 'pause', code: 'host-restart', label: 'Vastgehouden na herstart van de kiosk', n: 1 },
    ]);
  });

  it("shows an old result's free-text abort note beside the reason's Dutch label", async () => {
    const sheet = await consulent.get(`/v1/review/results/${withNote}`);
    expect(sheet.status).toBe(200);
    expect(sheet.json.incidents.map((i: { text: string }) => i.text)).toContain(
      'Afgebroken: technische storing (toelichting: scherm viel uit)',
    );
  });

  it('follows the shared filters and refuses a viewer and a bad query', async () => {
    const flagged = await consulent.get('/v1/review/conduct?flag=interrupted');
    expect(flagged.json.total).toMatchObject({ n: 1, recovered: 1 });
    expect((await consulent.get('/v1/review/conduct?by=gemeente')).status).toBe(400);
    const viewer = new Client(service.url);
    expect((await viewer.login('viewer')).status).toBe(200);
    expect((await viewer.get('/v1/review/conduct')).status).toBe(403);
  });

  it("shows the beheerder the gemeente's reference form, and nobody else", async () => {
    const beheerder = new Client(service.url);
    expect((await beheerder.login('beheerder')).status).toBe(200);
    expect((await beheerder.get('/v1/review/reference-form')).json).toEqual({
      form: null,
      description: null,
    });
    await setReferenceForm(
      service.deps.db,
      service.deps.dialect,
      service.deps.now(),
      'Utrecht',
      { masks: ['AA-9999'], checkDigit: 'geen', example: 'KL-1234' },
      CLI_ACTOR,
    );
    const answer = await beheerder.get('/v1/review/reference-form');
    expect(answer.json.description).toBe('AA-9999 (2 letters, 4 cijfers), bijvoorbeeld KL-1234');
    expect((await consulent.get('/v1/review/reference-form')).status).toBe(403);
  });
});
