import { useTranslation } from 'react-i18next';
import type { Overview } from './types';

/**
 * Apprentices on 31 December as bars, the road to the target as a dashed line: a small SVG,
 * hidden from assistive technology because the table below holds the same numbers.
 */
export function RoadChart({ series }: { series: Overview['series'] }) {
  const { t } = useTranslation();
  const W = 640;
  const H = 220;
  const pad = { l: 40, r: 8, t: 12, b: 28 };
  const max = Math.max(1, ...series.map((s) => Math.max(s.count ?? 0, s.expected ?? 0)));
  const step = (W - pad.l - pad.r) / Math.max(1, series.length);
  const y = (v: number) => pad.t + (H - pad.t - pad.b) * (1 - v / max);
  const road = series.filter((s) => s.expected !== null).map((s) => `${pad.l + step * series.indexOf(s) + step / 2},${y(s.expected!)}`);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((k) => Math.round(max * k));
  return (
    <figure className="appr-chart" aria-hidden="true">
      <svg viewBox={`0 0 ${W} ${H}`} role="presentation" data-testid="appr-chart">
        {ticks.map((v) => (
          <g key={v}>
            <line x1={pad.l} x2={W - pad.r} y1={y(v)} y2={y(v)} className="appr-chart__grid" />
            <text x={pad.l - 6} y={y(v) + 4} textAnchor="end" className="appr-chart__label">
              {v}
            </text>
          </g>
        ))}
        {series.map((s, i) => (
          <g key={s.year}>
            {s.count !== null && <rect x={pad.l + step * i + step * 0.2} width={step * 0.6} y={y(s.count)} height={H - pad.b - y(s.count)} className={s.partial ? 'appr-chart__bar appr-chart__bar--partial' : 'appr-chart__bar'} />}
            <text x={pad.l + step * i + step / 2} y={H - 8} textAnchor="middle" className="appr-chart__label">
              {String(s.year).slice(2)}
            </text>
          </g>
        ))}
        {road.length > 1 && <polyline points={road.join(' ')} className="appr-chart__road" />}
      </svg>
      <figcaption className="appr-chart__legend">
        <span className="appr-chart__key appr-chart__key--bar" /> {t('apprenticeships.road.count')} <span className="appr-chart__key appr-chart__key--road" /> {t('apprenticeships.road.expected')}
      </figcaption>
    </figure>
  );
}
