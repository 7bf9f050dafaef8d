import { z } from 'zod';
import { Id } from './ids';

/**
 * What a candidate answers, per interaction type. The same shape is the key in the package, the
 * demonstrated answer of a voorbeeld, and the payload of the session's answer events.
 * An `order` answer may hold `null` for a slot not yet filled; it is complete only when none is.
 */
export const ChooseResponse = z.object({ kind: z.literal('choose'), optionId: Id }).strict();
export const OrderResponse = z
  .object({ kind: z.literal('order'), sequence: z.array(Id.nullable()).min(1).max(8) })
  .strict();
export const PlaceResponse = z.object({ kind: z.literal('place'), targetId: Id }).strict();

export const Response = z.discriminatedUnion('kind', [ChooseResponse, OrderResponse, PlaceResponse]);
export type Response = z.infer<typeof Response>;

export const InteractionKind = z.enum(['choose', 'order', 'place']);
export type InteractionKind = z.infer<typeof InteractionKind>;
