import { useId, useMemo } from 'react';
import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Loading, QueryError } from '../app/ui/Status';
import { useBoundary } from './queries';
import { PlaceCard } from './DirectoryPage';
import type { Place } from './types';

// The map: the municipality's boundary (data/reference/boundaries) drawn as SVG with no tile layer
// (no external calls), and each place as a real button over it, so that it works with a keyboard and
// a screen reader. The list view is the main alternative; this is for seeing where things are.
const W = 1000;
const PAD = 24;

function projection(boundary: number[][][][] | null, places: Place[]) {
  const lons: number[] = [];
  const lats: number[] = [];
  for (const poly of boundary ?? []) for (const ring of poly) for (const [lon, lat] of ring) lons.push(lon!), lats.push(lat!);
  for (const p of places) if (p.lat !== null && p.lon !== null) lons.push(p.lon), lats.push(p.lat);
  if (!lons.length) return null;
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = (W - 2 * PAD) / Math.max((maxLon - minLon) * kx, 1e-6);
  const height = Math.round((maxLat - minLat) * scale + 2 * PAD);
  return { xy: (lon: number, lat: number): [number, number] => [PAD + (lon - minLon) * kx * scale, PAD + (maxLat - lat) * scale], height };
}

export function DirectoryMap({ places, selected, onSelect }: { places: Place[]; selected: string | null; onSelect: (id: string | null) => void }) {
  const { t } = useTranslation();
  const boundary = useBoundary();
  const titleId = useId();
  const placed = places.filter((p) => p.lat !== null && p.lon !== null);
  const proj = useMemo(() => projection(boundary.data?.boundary ?? null, placed), [boundary.data, placed]);
  if (boundary.isPending) return <Loading />;
  if (boundary.isError) return <QueryError error={boundary.error} />;
  if (!proj) return <Paragraph>{t('circular.map.empty')}</Paragraph>;
  const path = (boundary.data.boundary ?? []).map((poly) => poly.map((ring) => ring.map(([lon, lat], i) => `${i ? 'L' : 'M'}${proj.xy(lon!, lat!).map((n) => n.toFixed(1)).join(' ')}`).join('') + 'Z').join('')).join('');
  const chosen = places.find((p) => p.id === selected) ?? null;
  return (
    <section className="circ-map-section" aria-labelledby={titleId}>
      <h2 id={titleId} className="circ-visually-hidden">
        {t('circular.map.title')}
      </h2>
      <div className="circ-map" data-testid="circ-map" style={{ aspectRatio: `${W} / ${proj.height}` }}>
        <svg viewBox={`0 0 ${W} ${proj.height}`} aria-hidden="true" focusable="false">
          {path && <path className="circ-map__land" d={path} fillRule="evenodd" />}
        </svg>
        <ul className="circ-map__markers" aria-label={t('circular.map.markers', { count: placed.length })}>
          {placed.map((p) => {
            const [x, y] = proj.xy(p.lon!, p.lat!);
            return (
              <li key={p.id} style={{ left: `${(x / W) * 100}%`, top: `${(y / proj.height) * 100}%` }}>
                <button type="button" className="circ-marker" data-open={p.openNow} aria-pressed={p.id === selected} aria-label={t('circular.map.marker', { name: p.name, kind: t(`circular.kind.${p.kind}`) })} onClick={() => onSelect(p.id === selected ? null : p.id)}>
                  <span aria-hidden="true">{p.openNow ? '●' : '○'}</span>
                </button>
              </li>
            );
          })}
        </ul>
        {boundary.data.attribution && <span className="circ-map__attribution">{boundary.data.attribution}</span>}
      </div>
      <Paragraph data-size="sm">{t('circular.map.help', { unplaced: places.length - placed.length })}</Paragraph>
      <div aria-live="polite">{chosen && <PlaceCard place={chosen} headingLevel={3} />}</div>
    </section>
  );
}
