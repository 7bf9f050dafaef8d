import { z } from 'zod';

/** `result.get`: a stored, signed result by session id (null when none is stored). */
export const ResultGetRequest = z.object({ sessionId: z.uuid() }).strict();
export type ResultGetRequest = z.infer<typeof ResultGetRequest>;
