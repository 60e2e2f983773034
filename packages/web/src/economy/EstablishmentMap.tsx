import { useId, useMemo } from 'react';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format';
import { Loading, QueryError } from '../app/ui/Status';
import { classColour } from './JobsChart';
import { useMap } from './queries';
import { CLASSES, type JobClass, type MapView } from './types';

// The drawing's height in SVG units; the width follows the municipality's shape.
const HEIGHT = 640;
const PAD = 16;

/** A plain equirectangular projection, x scaled by cos(latitude): fine for a municipality (as the certification map). */
function projection(view: MapView) {
  const lons: number[] = [];
  const lats: number[] = [];
  for (const poly of view.boundary ?? []) for (const ring of poly) for (const [lon, lat] of ring) lons.push(lon!), lats.push(lat!);
  for (const p of view.points) lons.push(p.lon), lats.push(p.lat);
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = (HEIGHT - 2 * PAD) / Math.max(maxLat - minLat, 1e-9);
  const width = Math.round((maxLon - minLon) * kx * scale + 2 * PAD);
  const xy = (lon: number, lat: number): [number, number] => [PAD + (lon - minLon) * kx * scale, PAD + (maxLat - lat) * scale];
  return { xy, width, height: HEIGHT };
}

/** Establishments on the municipality's boundary (no tile layer): a circle per establishment, its area by jobs, its colour by the class of most jobs. */
export function EstablishmentMap({ snapshotId }: { snapshotId: string }) {
  const map = useMap(snapshotId);
  return map.isPending ? <Loading /> : map.isError ? <QueryError error={map.error} /> : <MapDrawing view={map.data} />;
}

function MapDrawing({ view }: { view: MapView }) {
  const { t } = useTranslation();
  const f = useFormat();
  const titleId = useId();
  const descId = useId();
  const proj = useMemo(() => (view.points.length || view.boundary ? projection(view) : null), [view]);
  const counts = useMemo(() => {
    const c = { oil_gas: 0, green: 0, other: 0 } as Record<JobClass, number>;
    for (const p of view.points) c[p.main]++;
    return c;
  }, [view]);
  if (!proj) return <Paragraph>{t('economy.map.none')}</Paragraph>;
  const path = (view.boundary ?? []).map((poly) => poly.map((ring) => ring.map(([lon, lat], i) => `${i ? 'L' : 'M'}${proj.xy(lon!, lat!).map((n) => n.toFixed(1)).join(' ')}`).join('') + 'Z').join('')).join('');
  // Big establishments first, so small ones are drawn on top and stay visible.
  const points = [...view.points].sort((a, b) => b.jobs - a.jobs);
  return (
    <div className="econ-map-layout">
      <figure style={{ margin: 0 }}>
        <svg className="econ-map" viewBox={`0 0 ${proj.width} ${proj.height}`} role="img" aria-labelledby={`${titleId} ${descId}`}>
          <title id={titleId}>{t('economy.map.svgTitle', { date: f.date(view.date) })}</title>
          <desc id={descId}>{t('economy.map.svgDesc', { oil_gas: counts.oil_gas, green: counts.green, other: counts.other })}</desc>
          {path && <path className="econ-map__land" d={path} fillRule="evenodd" />}
          {points.map((p) => {
            const [x, y] = proj.xy(p.lon, p.lat);
            return (
              <circle key={p.orgNumber} cx={x} cy={y} r={Math.min(18, 2.5 + Math.sqrt(p.jobs) * 0.45)} fill={classColour(p.main)} fillOpacity={0.7} stroke="#fff" strokeWidth={0.8}>
                <title>{`${p.name}: ${f.number(p.jobs)} – ${t(`economy.class.${p.main}`)}`}</title>
              </circle>
            );
          })}
          {view.attribution && (
            <text className="econ-map__attribution" x={proj.width - 6} y={proj.height - 6} textAnchor="end">
              {view.attribution}
            </text>
          )}
        </svg>
        <figcaption>
          <Paragraph data-size="sm">{t('economy.map.caption')}</Paragraph>
        </figcaption>
      </figure>
      <div>
        <Heading level={3} data-size="xs">
          {t('economy.map.legend')}
        </Heading>
        <ul className="econ-legend">
          {CLASSES.map((c) => (
            <li key={c}>
              <span className="econ-legend__dot" style={{ background: classColour(c) }} aria-hidden="true" />
              <span>{t(`economy.class.${c}`)}</span>
              <span className="num">{f.number(counts[c])}</span>
            </li>
          ))}
        </ul>
        <Paragraph data-size="sm">{t('economy.map.size')}</Paragraph>
        {view.unplaced > 0 && <Paragraph data-size="sm">{t('economy.map.unplaced', { count: view.unplaced, jobs: f.number(view.unplacedJobs) })}</Paragraph>}
      </div>
    </div>
  );
}
