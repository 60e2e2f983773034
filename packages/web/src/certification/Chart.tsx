import { useEffect, useRef } from 'react';
import type { ChartOption } from './charts';

let loading: Promise<typeof import('./charts')> | null = null;
const loadCharts = () => (loading ??= import('./charts'));

/** The value of a Designsystemet colour token (ECharts draws with plain colours). */
export function cssVar(name: string, fallback: string): string {
  if (typeof document === 'undefined') return fallback;
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/**
 * An ECharts chart (SVG, no animation) for sighted readers; the caller puts the same numbers in a
 * table beside it, so the chart itself is hidden from assistive technology.
 */
export function Chart({ option, className = 'cert-chart' }: { option: ChartOption; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let chart: { setOption(o: ChartOption, replace?: boolean): void; resize(): void; dispose(): void } | null = null;
    let ro: ResizeObserver | null = null;
    void loadCharts().then(({ init }) => {
      if (disposed || !ref.current) return;
      chart = init(ref.current, undefined, { renderer: 'svg' });
      chart.setOption({ animation: false, ...option }, true);
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
  return <div ref={ref} className={className} aria-hidden="true" />;
}
