import { useEffect, useRef } from 'react';
import type { ChartOption } from './charts';

let loading: Promise<typeof import('./charts')> | null = null;
const loadCharts = () => (loading ??= import('./charts'));

export const cssVar = (name: string, fallback: string) => (typeof document === 'undefined' ? fallback : getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback);

/** Stacked bars by year. SVG, no animation; hidden from assistive technology because a table beside it holds the same numbers. */
export function StackedBars({ years, series, unit, testId }: { years: (number | string)[]; series: { name: string; data: number[]; color: string }[]; unit: string; testId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const key = JSON.stringify({ years, series, unit });
  useEffect(() => {
    const option: ChartOption = {
      animation: false,
      grid: { left: 56, right: 16, top: 48, bottom: 28 },
      legend: { top: 0, textStyle: { color: cssVar('--ds-color-neutral-text-default', '#1e2b3c') } },
      xAxis: { type: 'category', data: years.map(String), axisLabel: { color: cssVar('--ds-color-neutral-text-subtle', '#4f5b6b') } },
      yAxis: { type: 'value', min: 0, name: unit, axisLabel: { color: cssVar('--ds-color-neutral-text-subtle', '#4f5b6b') } },
      series: series.map((s) => ({ name: s.name, type: 'bar', stack: 'all', data: s.data, itemStyle: { color: s.color } })),
    };
    let disposed = false;
    let chart: { setOption(o: ChartOption, replace?: boolean): void; resize(): void; dispose(): void } | null = null;
    let ro: ResizeObserver | null = null;
    void loadCharts().then(({ init }) => {
      if (disposed || !ref.current) return;
      chart = init(ref.current, undefined, { renderer: 'svg' });
      chart.setOption(option, true);
      if (typeof ResizeObserver !== 'undefined') {
        ro = new ResizeObserver(() => chart?.resize());
        ro.observe(ref.current);
      }
    });
    return () => {
      disposed = true;
      ro?.disconnect();
      chart?.dispose();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return <div ref={ref} className="ag-chart" aria-hidden="true" data-testid={testId} />;
}
