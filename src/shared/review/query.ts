import { z } from 'zod';
import { ConditionDimension } from './distribution';
import { ReviewFilters } from './filters';

/** Query strings arrive as text: these coerce the numbers. */
const CesuurParam = z.coerce.number().int().min(0).max(200);

export const DistributionQuery = ReviewFilters.extend({ cesuur: CesuurParam.optional() }).strict();
export type DistributionQuery = z.infer<typeof DistributionQuery>;

export const WhatIfQuery = ReviewFilters.extend({ cesuur: CesuurParam }).strict();
export type WhatIfQuery = z.infer<typeof WhatIfQuery>;

export const ConditionsQuery = ReviewFilters.extend({
  cesuur: CesuurParam.optional(),
  minGroup: z.coerce.number().int().min(1).max(10_000).optional(),
}).strict();
export type ConditionsQuery = z.infer<typeof ConditionsQuery>;

export const ResultListQuery = ReviewFilters.extend({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  /** Only results with this route; `onbekend` = no route recorded yet. */
  route: z.enum(['B1', 'O', 'Z', 'onbekend']).optional(),
  /** Only results whose candidate reference starts with this text, ignoring case (the list's search). */
  candidate: z.string().trim().min(1).max(64).optional(),
}).strict();
export type ResultListQuery = z.infer<typeof ResultListQuery>;

export const ExportView = z.enum([
  'distribution',
  'conform',
  'what-if',
  'conditions',
  'results',
  'results-ggm',
]);
export type ExportView = z.infer<typeof ExportView>;
export const ExportQuery = ReviewFilters.extend({ cesuur: CesuurParam.optional() }).strict();

export { ConditionDimension };
