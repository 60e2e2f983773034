import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartOption } from './charts';
import type { Dashboard } from './types';

let loading: Promise<typeof import('./charts')> | null = null;
const loadCharts = () => (loading ??= import('./charts'));

const cssVar = (name: string, fallback: string) => (typeof document === 'undefined' ? fallback : getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback);

/**
 * The kitchen's quarterly waste per activity unit against the straight path from its baseline to
 * its target. SVG, no animation; hidden from assistive technology because the table beside it
 * holds the same numbers.
 */
export function TrendChart({ d }: { d: Dashboard }) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const option = useMemo<ChartOption>(() => {
    const path = d.baseline !== null && d.target !== null && d.kitchen.baselineTo ? [[d.kitchen.baselineTo, d.baseline], [d.kitchen.targetDate, d.target]] : [];
    return {
      animation: false,
      grid: { left: 48, right: 16, top: 40, bottom: 32 },
      legend: { top: 0, textStyle: { color: cssVar('--ds-color-neutral-text-default', '#1e2b3c') } },
      xAxis: { type: 'time', axisLabel: { color: cssVar('--ds-color-neutral-text-subtle', '#4f5b6b') } },
      yAxis: { type: 'value', min: 0, axisLabel: { color: cssVar('--ds-color-neutral-text-subtle', '#4f5b6b') } },
      series: [
        { name: t('foodwaste.dashboard.seriesMeasured'), type: 'line', data: d.series.map((s) => [s.date, s.value]), symbolSize: 8, lineStyle: { width: 3, color: cssVar('--ds-color-accent-base-default', '#0062ba') }, itemStyle: { color: cssVar('--ds-color-accent-base-default', '#0062ba') } },
        { name: t('foodwaste.dashboard.seriesPath'), type: 'line', data: path, symbol: 'diamond', symbolSize: 10, lineStyle: { type: 'dashed', width: 2, color: cssVar('--ds-color-success-base-default', '#068718') }, itemStyle: { color: cssVar('--ds-color-success-base-default', '#068718') } },
      ],
    };
  }, [d, t, i18n.language]);
  useEffect(() => {
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
  }, [option]);
  return <div ref={ref} className="fw-chart" aria-hidden="true" data-testid="fw-chart" />;
}
