/**
 * "Vooraf geoefend" and the other checklist conditions from a result built the way the console builds it: the
 * sitting's Afnamecondities come from `conditionsOf` (src/host/afnemer/checklist.ts), the record is signed with a
 * device key and uploaded through POST /v1/results, and the result sheet and conditions view show them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollDemoDevice } from '../../../../../src/cli/demo/run';
import { demoRecord } from '../../../../../src/cli/demo/record';
import { conditionsOf } from '../../../../../src/host/afnemer/checklist';
import { signResult } from '../../../../../src/host/result/sign';
import { prng } from '../../../../../src/server/demo/plan';
import {
  addUser,
  Client,
  DB_KINDS,
  plan,
  realPackage,
  startReviewService,
  type ReviewService,
} from '../../../../support/review-support';

describe.each(DB_KINDS)('conditions from the console path on %s', (kind) => {
  let service: ReviewService;
  let client: Client;
  let resultId: string;

  beforeAll(async () => {
    service = await startReviewService(kind);
    await addUser(service, 'consulent', 'Utrecht', 'consulent');
    const device = await enrollDemoDevice(service.url, service.deps, 'Utrecht', 'Stadskantoor balie 3');
    const record = demoRecord(
      realPackage(),
      device,
      'Utrecht',
      plan(31, 'B1', '2026-05-20T10:00:00.000Z'),
      prng(3),
      'K-1',
    );
    const session = conditionsOf(
      {
        candidateRef: 'K-1',
        doelgroep: 'gezinsmigrant',
        language: 'nl',
        checklist: {
          roomQuiet: true,
          groupSize: 4,
          interpreterPresent: true,
          interpreterLanguage: 'tr',
          interpreterMode: 'phone',
          translationTool: false,
          headphones: true,
          preparation: 'thuis-geoefend',
          intakeMoment: 'voor-intake',
        },
      },
      'electron',
      true,
    );
    const signed = signResult(
      { ...record, afnamecondities: { session, device: null, displayChanges: [] } },
      device.signer,
    );
    resultId = signed.payload.resultId;
    const response = await fetch(`${service.url}/v1/results`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(signed),
    });
    expect(response.status).toBe(201);
    client = new Client(service.url);
    expect((await client.login('consulent')).status).toBe(200);
  });
  afterAll(() => service?.stop());

  it('shows "Vooraf geoefend" filled on the result sheet', async () => {
    const sheet = await client.get(`/v1/review/results/${resultId}`);
    expect(sheet.status).toBe(200);
    const conditions = Object.fromEntries(
      (sheet.json.conditions as { label: string; value: string }[]).map((c) => [c.label, c.value]),
    );
    expect(conditions['Vooraf geoefend']).toBe('Ja, thuis geoefend');
    expect(conditions['Rustige ruimte']).toBe('Ja');
    expect(conditions['Groepsgrootte']).toBe('4 kandidaten');
    expect(conditions['Moment van de intake']).toBe('Vóór de intake');
    expect(conditions['Taal van de tolk']).toBe('Turks');
  });

  it('splits the conditions view by every recorded condition, the small group marked', async () => {
    const answer = await client.get('/v1/review/conditions');
    expect(answer.status).toBe(200);
    const groupsOf = (dimension: string) =>
      (
        answer.json.dimensions as {
          dimension: string;
          groups: { value: string; label: string; n: number; tooSmall: boolean }[];
        }[]
      ).find((d) => d.dimension === dimension)!.groups;
    expect(groupsOf('practiced')).toMatchObject([{ value: 'yes', label: 'Ja, thuis geoefend', n: 1 }]);
    expect(groupsOf('quietRoom')).toMatchObject([{ value: '1', label: 'Ja', n: 1, tooSmall: true }]);
    expect(groupsOf('groupSize')).toMatchObject([{ value: '4', label: '4 kandidaten', n: 1 }]);
    expect(groupsOf('intakeMoment')).toMatchObject([{ value: 'voor-intake', n: 1 }]);
    expect(groupsOf('interpreterMode')).toMatchObject([{ value: 'phone', label: 'Tolk telefonisch' }]);
    expect(groupsOf('interpreterLanguage')).toMatchObject([{ value: 'tr', label: 'Turks' }]);
    expect(groupsOf('translationTool')).toMatchObject([{ value: '0', label: 'Nee' }]);
    expect(groupsOf('afnemer')).toHaveLength(1);
    expect(groupsOf('location')).toMatchObject([{ label: 'Stadskantoor balie 3', n: 1 }]);
  });
});
