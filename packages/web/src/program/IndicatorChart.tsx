// An indicator's chart drawn by ECharts (internal pages): measured values, the dashed path from
// baseline to target, the targets as markers, the trend to the target year and "today".
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chartSeries, type ChartSeries } from './chartData';
import { ChartLegend, ChartTable, useChartSummary } from './ChartText';
import { useProgramFormat, type ProgramFormat } from './present';
import type { Indicator } from './types';

type EChartsModule = typeof import('./echarts');

let loading: Promise<EChartsModule> | null = null;
const loadECharts = () => (loading ??= import('./echarts'));

function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

function optionOf(i: Indicator, s: ChartSeries, f: ProgramFormat, labels: Record<'measured' | 'path' | 'target' | 'projection' | 'today', string>, asOf: string | null): import('./echarts').ChartOption {
  const accent = cssVar('--ds-color-accent-base-default', '#0062ba');
  const text = cssVar('--ds-color-neutral-text-default', '#202224');
  const subtle = cssVar('--ds-color-neutral-text-subtle', '#51575c');
  const grid = cssVar('--ds-color-neutral-border-subtle', '#c8ccd0');
  const digits = Math.max(0, i.decimals);
  const pair = (d: { date: string; value: number }) => [d.date, d.value];
  return {
    animation: false,
    grid: { left: 8, right: 28, top: 28, bottom: 8, containLabel: true },
    textStyle: { fontFamily: 'inherit' },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => (typeof v === 'number' ? f.value(v, i) : String(v ?? '')),
    },
    xAxis: {
      type: 'time',
      min: s.xMin - 60 * 86_400_000,
      max: s.xMax + 60 * 86_400_000,
      // Values are dated at the end of their period (31.12.2025 for 2025), so a tick at 1 January
      // is labelled with the year that ends there: each year's value sits above its own year.
      axisLabel: { color: subtle, fontSize: 12, formatter: (v: number) => String(new Date(v - 43_200_000).getFullYear()), hideOverlap: true },
      axisLine: { lineStyle: { color: subtle } },
      axisTick: { show: false },
      splitLine: { show: false },
      minInterval: 365 * 86_400_000,
    },
    yAxis: {
      type: 'value',
      min: s.yMin < 0 ? undefined : 0,
      scale: false,
      axisLabel: { color: subtle, fontSize: 12, formatter: (v: number) => f.number(v, digits) },
      splitLine: { lineStyle: { color: grid } },
    },
    series: [
      {
        name: labels.path,
        type: 'line',
        data: s.path.map(pair),
        showSymbol: false,
        lineStyle: { type: 'dashed', color: subtle, width: 2 },
        itemStyle: { color: subtle },
        z: 1,
      },
      {
        name: labels.projection,
        type: 'line',
        data: s.projection.map(pair),
        showSymbol: false,
        lineStyle: { type: 'dotted', color: accent, width: 2, opacity: 0.7 },
        itemStyle: { color: accent },
        z: 2,
      },
      {
        name: labels.measured,
        type: 'line',
        data: s.measured.map(pair),
        symbol: 'circle',
        symbolSize: 7,
        lineStyle: { color: accent, width: 3 },
        itemStyle: { color: accent },
        z: 4,
        markLine: asOf
          ? { silent: true, symbol: 'none', label: { formatter: labels.today, color: subtle, position: 'end' }, lineStyle: { type: 'solid', color: grid, width: 1 }, data: [{ xAxis: asOf }] }
          : undefined,
      },
      {
        name: labels.target,
        type: 'line',
        data: s.targets.map(pair),
        symbol: 'diamond',
        symbolSize: 14,
        lineStyle: { width: 0, opacity: 0 },
        itemStyle: { color: text },
        label: { show: true, position: 'top', color: text, fontWeight: 600, formatter: (p) => f.number((p.value as [string, number])[1], digits) },
        z: 5,
      },
    ],
  };
}

/** The chart (ECharts, loaded on first use) with the same text alternative as the public chart. */
export function IndicatorChart({ indicator, asOf = null, height = 280 }: { indicator: Indicator; asOf?: string | null; height?: number }) {
  const { t } = useTranslation();
  const f = useProgramFormat();
  const id = useId().replace(/:/g, '');
  const el = useRef<HTMLDivElement>(null);
  const series = useMemo(() => chartSeries(indicator), [indicator]);
  const summary = useChartSummary();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let disposed = false;
    let chart: ReturnType<EChartsModule['init']> | null = null;
    let ro: ResizeObserver | null = null;
    loadECharts()
      .then((ec) => {
        if (disposed || !el.current) return;
        chart = ec.init(el.current, null, { renderer: 'svg' });
        const labels = { measured: t('program.chart.measured'), path: t('program.chart.path'), target: t('program.chart.target'), projection: t('program.chart.projection'), today: t('program.chart.today') };
        chart.setOption(optionOf(indicator, series, f, labels, asOf));
        ro = new ResizeObserver(() => chart?.resize());
        ro.observe(el.current);
      })
      .catch(() => setFailed(true));
    return () => {
      disposed = true;
      ro?.disconnect();
      chart?.dispose();
    };
    // f and t change with the language; redraw then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [indicator, series, asOf, f.lng]);

  return (
    <figure className="path-chart" aria-labelledby={`${id}-summary`}>
      {!failed && <div ref={el} className="indicator-chart" style={{ height }} aria-hidden="true" />}
      <ChartLegend projection={series.projection.length > 1} />
      <figcaption id={`${id}-summary`} className="path-chart__summary">
        {summary(indicator, series)}
      </figcaption>
      <ChartTable indicator={indicator} series={series} id={id} />
    </figure>
  );
}
