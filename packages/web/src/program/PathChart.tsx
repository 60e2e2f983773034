// A small SVG chart of an indicator: measured values against the path to its targets. No chart
// library, so that the public page stays light on a phone; the internal pages use ECharts.
import { useId, useMemo } from 'react';
import { chartSeries, expectedAt, ms, niceTicks, type ChartSeries } from './chartData';
import { ChartLegend, ChartTable, useChartSummary } from './ChartText';
import { useProgramFormat } from './present';
import type { Indicator } from './types';
import { useWidth } from './useWidth';

const PAD = { top: 16, right: 16, bottom: 28 };
const DAY = 86_400_000;

interface Scale {
  x: (iso: string) => number;
  y: (v: number) => number;
}

const pts = (list: { date: string; value: number }[], s: Scale) => list.map((p) => `${s.x(p.date).toFixed(1)},${s.y(p.value).toFixed(1)}`).join(' ');

function Plot({ indicator: i, series: s, width, height: HEIGHT }: { indicator: Indicator; series: ChartSeries; width: number; height: number }) {
  const f = useProgramFormat();
  const ticks = niceTicks(s.yMin, s.yMax);
  const yLo = ticks[0]!;
  const yHi = ticks.at(-1)!;
  const labels = ticks.map((v) => f.number(v, Math.max(0, i.decimals)));
  const left = Math.max(...labels.map((l) => l.length)) * 7 + 12;
  const plotW = Math.max(40, width - left - PAD.right);
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x0 = s.xMin - 60 * DAY;
  const x1 = s.xMax + 60 * DAY;
  const scale: Scale = {
    x: (iso) => left + ((ms(iso) - x0) / (x1 - x0)) * plotW,
    y: (v) => PAD.top + (1 - (v - yLo) / (yHi - yLo)) * plotH,
  };
  const firstYear = new Date(x0).getUTCFullYear();
  const lastYear = new Date(x1).getUTCFullYear() - (new Date(x1).getUTCMonth() < 11 ? 1 : 0);
  const years: number[] = [];
  const every = Math.max(1, Math.ceil(((lastYear - firstYear + 1) * 44) / plotW));
  // Counted back from the last year, so that the target year always has its label.
  for (let y = lastYear; y >= firstYear; y -= every) years.push(y);
  return (
    <svg className="path-chart__svg" width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} aria-hidden="true" focusable="false">
      {ticks.map((v, k) => (
        <g key={v}>
          <line className="path-chart__grid" x1={left} x2={left + plotW} y1={scale.y(v)} y2={scale.y(v)} />
          <text className="path-chart__label" x={left - 6} y={scale.y(v)} dy="0.32em" textAnchor="end">
            {labels[k]}
          </text>
        </g>
      ))}
      {years.map((y) => {
        // Values are dated at the end of their period: the tick for a year is its last day.
        const x = scale.x(`${y}-12-31`);
        return (
          <g key={y}>
            <line className="path-chart__tick" x1={x} x2={x} y1={PAD.top + plotH} y2={PAD.top + plotH + 4} />
            <text className="path-chart__label" x={x} y={PAD.top + plotH + 18} textAnchor="middle">
              {y}
            </text>
          </g>
        );
      })}
      {s.path.length > 1 && <polyline className="path-chart__path" points={pts(s.path, scale)} />}
      {s.projection.length > 1 && <polyline className="path-chart__projection" points={pts(s.projection, scale)} />}
      {s.measured.length > 1 && <polyline className="path-chart__measured" points={pts(s.measured, scale)} />}
      {s.measured.map((v) => (
        <circle key={`${v.sourceId}-${v.date}`} className="path-chart__point" cx={scale.x(v.date)} cy={scale.y(v.value)} r={3} />
      ))}
      {s.targets.map((t) => {
        const cx = scale.x(t.date);
        const cy = scale.y(t.value);
        return <path key={t.date} className="path-chart__target" d={`M${cx} ${cy - 7}L${cx + 7} ${cy}L${cx} ${cy + 7}L${cx - 7} ${cy}Z`} />;
      })}
    </svg>
  );
}

/** An indicator's chart with its text alternative: a summary sentence and the numbers in a table. */
export function PathChart({ indicator, height = 220 }: { indicator: Indicator; height?: number }) {
  const id = useId().replace(/:/g, '');
  const [ref, width] = useWidth<HTMLDivElement>();
  const series = useMemo(() => chartSeries(indicator), [indicator]);
  const summary = useChartSummary();
  return (
    <figure className="path-chart" aria-labelledby={`${id}-summary`}>
      <div ref={ref} className="path-chart__plot" style={{ minHeight: height }}>
        {width > 0 && <Plot indicator={indicator} series={series} width={width} height={height} />}
      </div>
      <ChartLegend projection={series.projection.length > 1} path={series.path.length > 1} />
      <figcaption id={`${id}-summary`} className="path-chart__summary">
        {summary(indicator, series)}
      </figcaption>
      <ChartTable indicator={indicator} series={series} id={id} />
    </figure>
  );
}

/** A tiny trend line of an indicator's values with its path (decorative; the caller states the numbers). */
export function Sparkline({ indicator, width = 112, height = 32 }: { indicator: Indicator; width?: number; height?: number }) {
  const s = useMemo(() => chartSeries(indicator), [indicator]);
  if (!s.measured.length) return <svg className="sparkline" width={width} height={height} aria-hidden="true" focusable="false" />;
  const last = s.measured.at(-1)!;
  const x1 = ms(last.date);
  // The path only as far as the measurements go: the sparkline shows the trend so far.
  const expectedNow = expectedAt(indicator, last.date);
  const path = [...s.path.filter((p) => ms(p.date) < x1), ...(expectedNow === null ? [] : [{ date: last.date, value: expectedNow }])];
  const values = [...s.measured, ...path].map((v) => v.value);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const x0 = Math.min(...[...s.measured, ...path].map((v) => ms(v.date)));
  const scale: Scale = {
    x: (iso) => 3 + (x1 === x0 ? 0.5 : (ms(iso) - x0) / (x1 - x0)) * (width - 6),
    y: (v) => 3 + (hi === lo ? 0.5 : 1 - (v - lo) / (hi - lo)) * (height - 6),
  };
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
      {path.length > 1 && <polyline className="sparkline__path" points={pts(path, scale)} />}
      {s.measured.length > 1 && <polyline className="sparkline__measured" points={pts(s.measured, scale)} />}
      <circle className="sparkline__last" cx={scale.x(last.date)} cy={scale.y(last.value)} r={2.5} />
    </svg>
  );
}
