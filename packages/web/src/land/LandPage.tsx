import { useId, useMemo, useState, type FormEvent } from 'react';
import { Alert, Button, Field, Heading, Label, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../app/api';
import { useFormat } from '../app/format';
import { AppLink } from '../app/ui/AppLink';
import { PageHeading } from '../app/ui/PageHeading';
import { Pager } from '../app/ui/Pager';
import { Loading, QueryError, useErrorMessage } from '../app/ui/Status';
import { landKeys, PAGE_SIZE, useCalls, useMap, useOptions, useOverview, usePlots } from './queries';
import type { Call, MapData, Plot, PlotStatus } from './types';
import './land.css';

const STATUS_COLOR: Record<PlotStatus, 'success' | 'warning' | 'info' | 'neutral'> = { available: 'success', in_call: 'warning', allocated: 'info', sold: 'neutral', leased: 'neutral' };

export function PlotStatusTag({ status }: { status: PlotStatus }) {
  const { t } = useTranslation();
  return <Tag data-color={STATUS_COLOR[status]}>{t(`land.status.${status}`)}</Tag>;
}

/** Municipal business land: figures, the map of plots, the plot list, the calls and a link to the decision log. */
export function LandPage() {
  const { t } = useTranslation();
  const options = useOptions();
  return (
    <>
      <PageHeading>{t('land.title')}</PageHeading>
      <Paragraph className="lead">{t('land.intro')}</Paragraph>
      <Paragraph data-size="sm">
        <AppLink to="/land/decisions">{t('land.decisions.link')}</AppLink>
      </Paragraph>
      <Figures />
      <PlotMap />
      <Plots />
      <Calls />
      {options.data?.canEdit && <NewPlot />}
    </>
  );
}

function Figures() {
  const { t } = useTranslation();
  const f = useFormat();
  const o = useOverview();
  if (o.isPending) return <Loading />;
  if (o.isError) return <QueryError error={o.error} />;
  const jobs = o.data.jobsPer1000m2.at(-1);
  const green = o.data.greenShare.at(-1);
  return (
    <section aria-labelledby="land-figures" className="block">
      <Heading level={2} data-size="sm" id="land-figures">
        {t('land.figures.title')}
      </Heading>
      {o.data.allocations === 0 ? (
        <Paragraph>{t('land.figures.none')}</Paragraph>
      ) : (
        <ul className="land-figures">
          <li>
            <strong>{f.number(jobs?.value ?? null, 1)}</strong>
            {t('land.figures.jobs', { year: jobs?.year, plots: jobs?.plots })}
          </li>
          <li>
            <strong>{f.number(green?.value ?? null, 0)} %</strong>
            {t('land.figures.green', { year: green?.year })}
          </li>
          <li>
            <strong>{f.number(o.data.allocations, 0)}</strong>
            {t('land.figures.allocations')}
          </li>
        </ul>
      )}
      <Paragraph data-size="sm">{t('land.figures.method')}</Paragraph>
    </section>
  );
}

// The drawing's height in SVG units; the width follows the municipality's shape.
const HEIGHT = 560;
const PAD = 16;

/** A plain equirectangular projection, x scaled by cos(latitude): fine for a municipality. */
function projection(view: MapData) {
  const lons: number[] = [];
  const lats: number[] = [];
  for (const poly of view.boundary ?? []) for (const ring of poly) for (const [lon, lat] of ring) lons.push(lon!), lats.push(lat!);
  for (const p of view.plots) lons.push(p.lon), lats.push(p.lat);
  if (!lons.length) lons.push(0), lats.push(0);
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = (HEIGHT - 2 * PAD) / Math.max(maxLat - minLat, 1e-3);
  const width = Math.max(200, Math.round((maxLon - minLon) * kx * scale + 2 * PAD));
  const xy = (lon: number, lat: number): [number, number] => [PAD + (lon - minLon) * kx * scale, PAD + (maxLat - lat) * scale];
  return { xy, width, height: HEIGHT };
}

function PlotMap() {
  const { t } = useTranslation();
  const map = useMap();
  const titleId = useId();
  const descId = useId();
  const proj = useMemo(() => (map.data ? projection(map.data) : null), [map.data]);
  if (map.isPending) return <Loading />;
  if (map.isError) return <QueryError error={map.error} />;
  const view = map.data;
  const path = (view.boundary ?? []).map((poly) => poly.map((ring) => ring.map(([lon, lat], i) => `${i ? 'L' : 'M'}${proj!.xy(lon!, lat!).map((n) => n.toFixed(1)).join(' ')}`).join('') + 'Z').join('')).join('');
  return (
    <section aria-labelledby="land-map" className="block">
      <Heading level={2} data-size="sm" id="land-map">
        {t('land.map.title')}
      </Heading>
      <div className="land-map-layout">
        <figure style={{ margin: 0 }}>
          <svg className="land-map" viewBox={`0 0 ${proj!.width} ${proj!.height}`} role="img" aria-labelledby={`${titleId} ${descId}`}>
            <title id={titleId}>{t('land.map.svgTitle')}</title>
            <desc id={descId}>{t('land.map.svgDesc', { count: view.plots.length })}</desc>
            {path && <path className="land-map__land" d={path} fillRule="evenodd" />}
            {view.plots.map((p) => {
              const [x, y] = proj!.xy(p.lon, p.lat);
              return (
                <g key={p.id} className={`land-map__plot land-map__plot--${p.status}`}>
                  <title>{`${p.name}: ${t(`land.status.${p.status}`)}`}</title>
                  <circle cx={x} cy={y} r={7} />
                  <text x={x + 10} y={y + 4} className="land-map__label">
                    {p.place ?? p.name}
                  </text>
                </g>
              );
            })}
            {view.attribution && (
              <text className="land-map__attribution" x={proj!.width - 6} y={proj!.height - 6} textAnchor="end">
                {view.attribution}
              </text>
            )}
          </svg>
          <figcaption>
            <Paragraph data-size="sm">{t('land.map.caption')}</Paragraph>
          </figcaption>
        </figure>
        <div>
          <Heading level={3} data-size="xs">
            {t('land.map.legend')}
          </Heading>
          <ul className="land-legend">
            {(['available', 'in_call', 'allocated', 'sold', 'leased'] as PlotStatus[]).map((s) => (
              <li key={s}>
                <svg width="16" height="16" aria-hidden="true" className={`land-map__plot--${s}`}>
                  <circle cx="8" cy="8" r="6" />
                </svg>
                {t(`land.status.${s}`)}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}

function Plots() {
  const { t } = useTranslation();
  const f = useFormat();
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const plots = usePlots({ status, page });
  return (
    <section aria-labelledby="land-plots" className="block">
      <Heading level={2} data-size="sm" id="land-plots">
        {t('land.plots.title')}
      </Heading>
      <Field className="land-filter">
        <Label>{t('land.plots.status')}</Label>
        <Select
          value={status}
          onChange={(e) => {
            setStatus(e.target.value);
            setPage(1);
          }}
        >
          <Select.Option value="">{t('land.plots.anyStatus')}</Select.Option>
          {(['available', 'in_call', 'allocated', 'sold', 'leased'] as PlotStatus[]).map((s) => (
            <Select.Option key={s} value={s}>
              {t(`land.status.${s}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {plots.isPending ? (
        <Loading />
      ) : plots.isError ? (
        <QueryError error={plots.error} />
      ) : plots.data.items.length === 0 ? (
        <Paragraph>{t('land.plots.empty')}</Paragraph>
      ) : (
        <>
          <Table zebra border data-size="sm">
            <caption>{t('land.plots.caption', { count: plots.data.total, area: f.number(plots.data.summary.areaM2, 0) })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('land.plots.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('land.plots.place')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('land.plots.area')}</Table.HeaderCell>
                <Table.HeaderCell>{t('land.plots.zoning')}</Table.HeaderCell>
                <Table.HeaderCell>{t('land.plots.position')}</Table.HeaderCell>
                <Table.HeaderCell>{t('land.plots.status')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {plots.data.items.map((p: Plot) => (
                <Table.Row key={p.id}>
                  <Table.HeaderCell scope="row">{p.name}</Table.HeaderCell>
                  <Table.Cell>{p.place ?? '–'}</Table.Cell>
                  <Table.Cell className="num">{f.number(p.areaM2, 0)}</Table.Cell>
                  <Table.Cell>{p.zoningPlanId}</Table.Cell>
                  <Table.Cell>{`${f.number(p.lat, 4)}, ${f.number(p.lon, 4)}`}</Table.Cell>
                  <Table.Cell>
                    <PlotStatusTag status={p.status} />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <Pager page={page} total={plots.data.total} pageSize={PAGE_SIZE} onChange={setPage} />
        </>
      )}
    </section>
  );
}

function Calls() {
  const { t } = useTranslation();
  const f = useFormat();
  const [page, setPage] = useState(1);
  const calls = useCalls({ page });
  return (
    <section aria-labelledby="land-calls" className="block">
      <Heading level={2} data-size="sm" id="land-calls">
        {t('land.calls.title')}
      </Heading>
      {calls.isPending ? (
        <Loading />
      ) : calls.isError ? (
        <QueryError error={calls.error} />
      ) : calls.data.items.length === 0 ? (
        <Paragraph>{t('land.calls.empty')}</Paragraph>
      ) : (
        <>
          <Table zebra border data-size="sm">
            <caption>{t('land.calls.caption', { count: calls.data.total })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('land.calls.call')}</Table.HeaderCell>
                <Table.HeaderCell>{t('land.calls.plot')}</Table.HeaderCell>
                <Table.HeaderCell>{t('land.calls.deadline')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('land.calls.applications')}</Table.HeaderCell>
                <Table.HeaderCell>{t('land.calls.state')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {calls.data.items.map((c: Call) => (
                <Table.Row key={c.id}>
                  <Table.HeaderCell scope="row">
                    <AppLink to="/land/calls/$id" params={{ id: c.id }}>
                      {c.title}
                    </AppLink>
                  </Table.HeaderCell>
                  <Table.Cell>{c.plot?.name ?? '–'}</Table.Cell>
                  <Table.Cell>{f.date(c.deadline)}</Table.Cell>
                  <Table.Cell className="num">{f.number(c.applications, 0)}</Table.Cell>
                  <Table.Cell>{t(`land.callStatus.${c.status}`)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <Pager page={page} total={calls.data.total} pageSize={PAGE_SIZE} onChange={setPage} />
        </>
      )}
    </section>
  );
}

/** Land editors register a plot: name, area, zoning plan, position. */
function NewPlot() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const empty = { name: '', areaM2: '', zoningPlanId: '', place: '', lat: '', lon: '' };
  const [v, setV] = useState(empty);
  const [done, setDone] = useState<string | null>(null);
  const num = (s: string) => (s.trim() === '' ? NaN : Number(s.replace(',', '.')));
  const create = useMutation({
    mutationFn: () => api<Plot>('/land/plots', { method: 'POST', body: { name: v.name, areaM2: num(v.areaM2), zoningPlanId: v.zoningPlanId, place: v.place || null, lat: num(v.lat), lon: num(v.lon) } }),
    onSuccess: async (p) => {
      setDone(t('land.newPlot.saved', { name: p.name }));
      setV(empty);
      await qc.invalidateQueries({ queryKey: landKeys.all });
    },
  });
  const fe = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  const set = (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement>) => setV((x) => ({ ...x, [k]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    create.mutate();
  };
  return (
    <details className="land-form-wrap">
      <summary>{t('land.newPlot.title')}</summary>
      <form className="form land-form" onSubmit={submit} noValidate>
        <Textfield label={t('land.plots.name')} value={v.name} onChange={set('name')} error={fe.name} />
        <Textfield label={t('land.newPlot.area')} inputMode="decimal" value={v.areaM2} onChange={set('areaM2')} error={fe.areaM2} />
        <Textfield label={t('land.plots.zoning')} value={v.zoningPlanId} onChange={set('zoningPlanId')} error={fe.zoningPlanId} />
        <Textfield label={t('land.plots.place')} value={v.place} onChange={set('place')} />
        <Textfield label={t('land.newPlot.lat')} inputMode="decimal" value={v.lat} onChange={set('lat')} error={fe.lat} />
        <Textfield label={t('land.newPlot.lon')} inputMode="decimal" value={v.lon} onChange={set('lon')} error={fe.lon} />
        {create.isError && !Object.keys(fe).length && <Alert data-color="danger">{message(create.error)}</Alert>}
        <div aria-live="polite">{done && <Alert data-color="success">{done}</Alert>}</div>
        <Button type="submit" disabled={create.isPending}>
          {t('land.newPlot.submit')}
        </Button>
      </form>
    </details>
  );
}
