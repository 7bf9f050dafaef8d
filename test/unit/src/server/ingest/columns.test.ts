import { describe, expect, it } from 'vitest';
import { practicedOf } from '../../../../../src/server/ingest/columns';
import { Voorbereiding } from '../../../../../src/shared/session/conditions';

describe('"Vooraf geoefend" from the console checklist', () => {
  it('counts practice with the practice app as practised, like other home practice', () => {
    expect(practicedOf({ kind: 'thuis-oefenapp' })).toBe('yes');
    expect(practicedOf({ kind: 'thuis-geoefend' })).toBe('yes');
    expect(practicedOf({ kind: 'demo-vandaag' })).toBe('demo-vandaag');
    expect(practicedOf({ kind: 'geen' })).toBe('no');
  });

  it('refuses a preparation the checklist does not know', () => {
    expect(Voorbereiding.safeParse('thuis-app').success).toBe(false);
  });
});
