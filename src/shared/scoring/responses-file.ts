import { z } from 'zod';
import { ResponseMap } from './score';

/**
 * The file `lbt score --responses` reads: each scored item's answer, or null for no answer.
 *   { "responses": { "w1": { "kind": "choose", "optionId": "bal" }, "z1": null } }
 * An item the file leaves out counts as unanswered, like null.
 */
export const ResponsesFile = z.object({ responses: ResponseMap }).strict();
export type ResponsesFile = z.infer<typeof ResponsesFile>;
