import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartOption } from './charts';
import { CLASSES, type YearTotals } from './types';

let loading: Promise<typeof import('./charts')> | null = null;
const loadCharts = () => (loading ??= import('./charts'));

const cssVar = (name: string, fallback: string) => (typeof document === 'undefined' ? fallback : getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback);

/** The colour of each class, shared by the chart, the map and the legend. */
export const CLASS_COLOUR = { oil_gas: ['--ds-color-warning-base-default', '#b35300'], green: ['--ds-color-success-base-default', '#068718'], other: ['--ds-color-neutral-base-default', '#68707c'] } as const;
export const classColour = (c: keyof typeof CLASS_COLOUR) => cssVar(CLASS_COLOUR[c][0], CLASS_COLOUR[c][1]);

/**
 * Jobs per class per year as stacked bars. SVG, no animation; hidden from assistive technology
 * because the table below holds the same numbers.
 */
export function JobsChart({ years }: { years: readonly YearTotals[] }) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      grid: { left: 64, right: 16, top: 40, bottom: 32 },
      legend: { top: 0, textStyle: { color: cssVar('--ds-color-neutral-text-default', '#1e2b3c') } },
      xAxis: { type: 'category', data: years.map((y) => String(y.year)), axisLabel: { color: cssVar('--ds-color-neutral-text-subtle', '#4f5b6b') } },
      yAxis: { type: 'value', min: 0, axisLabel: { color: cssVar('--ds-color-neutral-text-subtle', '#4f5b6b'), formatter: (v: number) => new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'nb-NO').format(v) } },
      series: CLASSES.map((c) => ({ name: t(`economy.class.${c}`), type: 'bar' as const, stack: 'jobs', data: years.map((y) => y[c]), itemStyle: { color: classColour(c) } })),
    }),
    [years, t, i18n.language],
  );
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
  return <div ref={ref} className="econ-chart" aria-hidden="true" data-testid="econ-chart" />;
}
