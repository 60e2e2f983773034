import { useId, useMemo } from 'react';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format';
import { PageHeading } from '../app/ui/PageHeading';
import { Loading, QueryError } from '../app/ui/Status';
import { AppLink } from '../app/ui/AppLink';
import { useMapView } from './queries';
import { SubNav } from './SubNav';
import { StatusIcon, StatusShape, StatusTag } from './StatusTag';
import { STATUSES, type CertStatus, type MapView } from './types';

// The drawing's height in SVG units; the width follows the municipality's shape.
const HEIGHT = 760;
const PAD = 20;

/** A plain equirectangular projection, x scaled by cos(latitude): fine for a municipality. */
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

/** The coverage map: the municipality's boundary with every unit as a point, coloured and shaped by status. */
export function MapPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const map = useMapView();
  return (
    <>
      <PageHeading>{t('certification.map.title')}</PageHeading>
      <Paragraph className="lead">{t('certification.map.intro')}</Paragraph>
      <SubNav />
      {map.isPending ? <Loading /> : map.isError ? <QueryError error={map.error} /> : <CoverageMap view={map.data} dateLabel={f.date(map.data.date)} />}
    </>
  );
}

function CoverageMap({ view, dateLabel }: { view: MapView; dateLabel: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const titleId = useId();
  const descId = useId();
  const proj = useMemo(() => projection(view), [view]);
  const counts = useMemo(() => {
    const c = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<CertStatus, number>;
    for (const p of [...view.points, ...view.unplaced]) c[p.status]++;
    return c;
  }, [view]);
  // Place names: a big cluster's name in its middle, a small one's just above it; the places with most
  // units first, and a name that would overlap one already drawn is left out (the register lists every place).
  const places = useMemo(() => {
    const by = new Map<string, [number, number][]>();
    for (const p of view.points) if (p.place) by.set(p.place, [...(by.get(p.place) ?? []), proj.xy(p.lon, p.lat)]);
    const drawn: { name: string; x: number; y: number; box: [number, number, number, number] }[] = [];
    for (const [name, pts] of [...by.entries()].sort((a, b) => b[1].length - a[1].length)) {
      const x = pts.reduce((s, p) => s + p[0], 0) / pts.length;
      const y = pts.length >= 10 ? pts.reduce((s, p) => s + p[1], 0) / pts.length + 4 : Math.min(...pts.map((p) => p[1])) - 8;
      const w = name.length * 6 + 4;
      const box: [number, number, number, number] = [x - w / 2, y - 10, x + w / 2, y + 3];
      if (drawn.some((d) => box[0] < d.box[2] && box[2] > d.box[0] && box[1] < d.box[3] && box[3] > d.box[1])) continue;
      drawn.push({ name, x, y, box });
    }
    return drawn;
  }, [view, proj]);
  // Worst statuses on top, so a lapsed unit is never hidden under a certified one.
  const points = [...view.points].sort((a, b) => STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status));
  const path = (view.boundary ?? []).map((poly) => poly.map((ring) => ring.map(([lon, lat], i) => `${i ? 'L' : 'M'}${proj.xy(lon!, lat!).map((n) => n.toFixed(1)).join(' ')}`).join('') + 'Z').join('')).join('');
  return (
    <div className="cert-map-layout">
      <figure style={{ margin: 0 }}>
        <svg className="cert-map" viewBox={`0 0 ${proj.width} ${proj.height}`} role="img" aria-labelledby={`${titleId} ${descId}`}>
          <title id={titleId}>{t('certification.map.svgTitle', { date: dateLabel })}</title>
          <desc id={descId}>{t('certification.map.svgDesc', { ...Object.fromEntries(STATUSES.map((s) => [s, counts[s]])) })}</desc>
          {path && <path className="cert-map__land" d={path} fillRule="evenodd" />}
          {points.map((p) => {
            const [x, y] = proj.xy(p.lon, p.lat);
            return (
              <g key={p.unitId}>
                <title>{`${p.name}: ${t(`certification.status.${p.status}`)}`}</title>
                <StatusShape status={p.status} x={x} y={y} r={4.5} />
              </g>
            );
          })}
          {places.map((p) => (
            <text key={p.name} className="cert-map__place" x={p.x} y={p.y} textAnchor="middle">
              {p.name}
            </text>
          ))}
          {view.attribution && (
            <text className="cert-map__attribution" x={proj.width - 6} y={proj.height - 6} textAnchor="end">
              {view.attribution}
            </text>
          )}
        </svg>
        <figcaption>
          <Paragraph data-size="sm">{t('certification.map.caption', { date: dateLabel })}</Paragraph>
        </figcaption>
      </figure>
      <div>
        <Heading level={2} data-size="xs">
          {t('certification.map.legend')}
        </Heading>
        <ul className="cert-legend">
          {STATUSES.map((s) => (
            <li key={s}>
              <StatusIcon status={s} />
              <span>{t(`certification.status.${s}`)}</span>
              <span className="cert-legend__n">{f.number(counts[s])}</span>
            </li>
          ))}
        </ul>
        <Paragraph data-size="sm">
          <AppLink to="/certification/register">{t('certification.map.tableLink')}</AppLink>
        </Paragraph>
        {view.unplaced.length ? (
          <>
          <Heading level={2} data-size="xs" className="block">
            {t('certification.map.unplacedTitle', { count: view.unplaced.length })}
          </Heading>
          <ul className="cert-legend">
            {view.unplaced.map((u) => (
              <li key={u.unitId}>
                <AppLink to="/certification/units/$id" params={{ id: u.unitId }}>
                  {u.name}
                </AppLink>
                <StatusTag status={u.status} />
              </li>
            ))}
          </ul>
          </>
        ) : (
          <Paragraph data-size="sm">{t('certification.map.allPlaced')}</Paragraph>
        )}
        <Paragraph data-size="sm">{t('certification.map.placement')}</Paragraph>
      </div>
    </div>
  );
}
