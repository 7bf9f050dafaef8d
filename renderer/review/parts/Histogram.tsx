import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { SUPPRESSED_LABEL } from '../../../src/shared/review';
import { isHaalbaar } from '../../../src/shared/scoring/rules';
import { formatCount } from '../format';

export const COLORS = {
  below: '#8a9bb0',
  above: '#2f7d6d',
  zone: '#f2d492',
  line: '#b23a2e',
  sem: '#6b5ca5',
} as const;

interface Bin {
  raw: number;
  /** null: hidden because fewer than 10 (the national view); drawn as no bar, named "< 10". */
  count: number | null;
}

/**
 * Raw scores 0..max as bars: below the cesuur grey-blue, from the cesuur on green. The cesuur is the line
 * between cesuur-1 and cesuur; the twijfelzone is the shaded band over its scores (inclusive).
 */
export function Histogram({
  bins,
  max,
  cesuur,
  twijfelzone,
  height = '100%',
  title,
  compact = false,
}: {
  bins: Bin[];
  max: number;
  cesuur: number;
  twijfelzone: { from: number; to: number } | null;
  height?: number | `${number}%`;
  title: string;
  compact?: boolean;
}) {
  // Every score gets a bar slot, also those nobody had, so the x-axis is the whole scale.
  const counts = new Map(bins.map((bin) => [bin.raw, bin.count]));
  const data = Array.from({ length: max + 1 }, (_, raw) => ({
    raw,
    count: counts.has(raw) ? counts.get(raw)! : 0,
  }));
  return (
    <figure className="chart" aria-label={title} style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={data}
          margin={{ top: compact ? 6 : 22, right: 12, bottom: 0, left: compact ? -24 : -8 }}
          barCategoryGap={1}
        >
          <CartesianGrid vertical={false} stroke="#e3e0d8" />
          {twijfelzone && (
            <ReferenceArea
              x1={twijfelzone.from - 0.5}
              x2={twijfelzone.to + 0.5}
              fill={COLORS.zone}
              fillOpacity={0.55}
              ifOverflow="extendDomain"
            />
          )}
          <XAxis
            dataKey="raw"
            type="number"
            domain={[-0.5, max + 0.5]}
            ticks={data.filter((bin) => bin.raw % 5 === 0).map((bin) => bin.raw)}
            tick={{ fontSize: compact ? 11 : 13 }}
            allowDecimals={false}
          />
          <YAxis allowDecimals={false} tick={{ fontSize: compact ? 11 : 13 }} width={compact ? 44 : 52} />
          {!compact && (
            <Tooltip
              formatter={(value) => [
                value === null || value === undefined ? SUPPRESSED_LABEL : formatCount(Number(value)),
                'aantal',
              ]}
              labelFormatter={(raw) => `score ${raw}`}
              isAnimationActive={false}
            />
          )}
          <Bar dataKey="count" isAnimationActive={false}>
            {data.map((bin) => (
              <Cell key={bin.raw} fill={isHaalbaar(bin.raw, cesuur) ? COLORS.above : COLORS.below} />
            ))}
          </Bar>
          <ReferenceLine
            x={cesuur - 0.5}
            stroke={COLORS.line}
            strokeWidth={2}
            label={
              compact
                ? undefined
                : { value: `cesuur ${cesuur}`, position: 'top', fill: COLORS.line, fontSize: 13 }
            }
          />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
