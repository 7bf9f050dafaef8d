import { z } from 'zod';
import { LanguageCode } from '../items';
import { Afnamecondities } from './conditions';
import { Doelgroep, Label } from './event-parts';
import { SessionEventInput } from './events';

/** Request and response schemas of the `session.*` contract channels. */

/** What the afnemer enters to start a sitting; the host adds ids, package and cesuur. */
export const SessionOpenRequest = z
  .object({
    afnemerId: Label,
    candidateRef: Label,
    gemeente: Label,
    doelgroep: Doelgroep,
    language: LanguageCode,
    conditions: Afnamecondities.default({}),
  })
  .strict();
export type SessionOpenRequest = z.input<typeof SessionOpenRequest>;

export const SessionDispatchRequest = SessionEventInput;
export const SessionStateRequest = z.object({}).strict();
