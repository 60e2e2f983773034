import { useMemo, useState, type FormEvent } from 'react';
import { Alert, Button, Field, Heading, Label, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../app/api';
import { can, useSession } from '../app/auth';
import { useFormat } from '../app/format';
import { PageHeading } from '../app/ui/PageHeading';
import { Pager } from '../app/ui/Pager';
import { Loading, QueryError, useErrorMessage } from '../app/ui/Status';
import { useOrganisations, useUnits } from '../organisations/queries';
import { RoadChart } from './RoadChart';
import { apprKeys, PLACES_PAGE_SIZE, useOptions, useOverview, usePlaces, type PlaceParams } from './queries';
import type { Options, Overview, Place, PlaceStatus } from './types';
import './apprenticeships.css';

const NEXT: Record<PlaceStatus, PlaceStatus[]> = { open: ['filled'], filled: ['completed', 'dropped_out'], completed: [], dropped_out: [] };

/** Apprenticeships (A5, B4): the road to three times as many apprentices, unit by unit, and the register of places. */
export function ApprenticeshipsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const staff = can.readInternal(user);
  const overview = useOverview(staff);
  return (
    <>
      <PageHeading>{t('apprenticeships.title')}</PageHeading>
      <Paragraph className="lead">{staff ? t('apprenticeships.intro') : t('apprenticeships.introBusiness')}</Paragraph>
      {staff && (overview.isPending ? <Loading /> : overview.isError ? <QueryError error={overview.error} /> : <OverviewView o={overview.data} />)}
      <Places />
    </>
  );
}

function OverviewView({ o }: { o: Overview }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [allUnits, setAllUnits] = useState(false);
  const thisYear = o.series.find((s) => s.partial);
  const expectedNow = thisYear?.expected ?? null;
  return (
    <>
      <ul className="appr-figures" aria-label={t('apprenticeships.figures.label')}>
        <li>
          <strong>{f.number(o.now.municipal)}</strong> {t('apprenticeships.figures.municipal', { date: f.date(o.asOf) })}
          {expectedNow !== null && <span className="appr-figures__detail">{t('apprenticeships.figures.expected', { count: expectedNow, year: thisYear!.year })}</span>}
        </li>
        {o.goal && (
          <li>
            <strong>{f.number(o.goal.target)}</strong> {t('apprenticeships.figures.target', { year: o.goal.targetYear, multiple: f.number(o.goal.multiple, 1), baseline: o.goal.baseline, baselineYear: o.goal.baselineYear })}
          </li>
        )}
        <li>
          <strong>{f.number(o.now.businesses)}</strong> {t('apprenticeships.figures.businesses', { count: o.now.businessApprentices })}
        </li>
        <li>
          <strong>{f.number(o.now.openPlaces)}</strong> {t('apprenticeships.figures.open')}
        </li>
      </ul>

      <section aria-labelledby="appr-road" className="block">
        <Heading level={2} data-size="sm" id="appr-road">
          {t('apprenticeships.road.title')}
        </Heading>
        {o.goal ? <Paragraph data-size="sm">{t('apprenticeships.road.method', { baseline: o.goal.baseline, baselineYear: o.goal.baselineYear, target: o.goal.target, targetYear: o.goal.targetYear })}</Paragraph> : <Paragraph data-size="sm">{t('apprenticeships.road.noGoal')}</Paragraph>}
        <RoadChart series={o.series} />
        <div className="table-wrap">
          <Table zebra border data-size="sm">
            <caption>{t('apprenticeships.road.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('apprenticeships.road.year')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('apprenticeships.road.count')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('apprenticeships.road.expected')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('apprenticeships.road.gap')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {o.series.map((s) => (
                <Table.Row key={s.year}>
                  <Table.HeaderCell scope="row">{s.partial ? t('apprenticeships.road.sofar', { year: s.year }) : s.year}</Table.HeaderCell>
                  <Table.Cell className="num">{s.count === null ? '–' : f.number(s.count)}</Table.Cell>
                  <Table.Cell className="num">{s.expected === null ? '–' : f.number(s.expected)}</Table.Cell>
                  <Table.Cell className="num">{s.count === null || s.expected === null ? '–' : f.number(s.count - s.expected)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      </section>

      <div className="appr-grid">
        <section aria-labelledby="appr-sectors">
          <Heading level={2} data-size="sm" id="appr-sectors">
            {t('apprenticeships.sectors.title')}
          </Heading>
          <Table zebra border data-size="sm">
            <caption className="ds-sr-only">{t('apprenticeships.sectors.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('apprenticeships.sectors.sector')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('apprenticeships.sectors.count')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {o.bySector.map((s) => (
                <Table.Row key={s.id}>
                  <Table.HeaderCell scope="row">{s.name}</Table.HeaderCell>
                  <Table.Cell className="num">{f.number(s.count)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </section>
        <section aria-labelledby="appr-trades">
          <Heading level={2} data-size="sm" id="appr-trades">
            {t('apprenticeships.trades.title')}
          </Heading>
          <Table zebra border data-size="sm">
            <caption className="ds-sr-only">{t('apprenticeships.trades.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('apprenticeships.trades.trade')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('apprenticeships.trades.municipal')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('apprenticeships.trades.all')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {o.byTrade.map((tr) => (
                <Table.Row key={tr.key}>
                  <Table.HeaderCell scope="row">
                    <TradeName name={tr.name} />
                  </Table.HeaderCell>
                  <Table.Cell className="num">{f.number(tr.municipal)}</Table.Cell>
                  <Table.Cell className="num">{f.number(tr.count)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </section>
      </div>

      <section aria-labelledby="appr-without" className="block">
        <Heading level={2} data-size="sm" id="appr-without">
          {t('apprenticeships.without.title', { count: o.unitsWithout.length })}
        </Heading>
        <Paragraph data-size="sm">{t('apprenticeships.without.intro')}</Paragraph>
        <Table zebra border data-size="sm">
          <caption className="ds-sr-only">{t('apprenticeships.without.title', { count: o.unitsWithout.length })}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('apprenticeships.without.unit')}</Table.HeaderCell>
              <Table.HeaderCell>{t('apprenticeships.sectors.sector')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('apprenticeships.without.staff')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {(allUnits ? o.unitsWithout : o.unitsWithout.slice(0, 10)).map((u) => (
              <Table.Row key={u.id}>
                <Table.HeaderCell scope="row">{u.name}</Table.HeaderCell>
                <Table.Cell>{u.sector ?? '–'}</Table.Cell>
                <Table.Cell className="num">{f.number(u.staff)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        {o.unitsWithout.length > 10 && (
          <Button variant="tertiary" onClick={() => setAllUnits((x) => !x)} aria-expanded={allUnits}>
            {allUnits ? t('apprenticeships.without.fewer') : t('apprenticeships.without.all', { count: o.unitsWithout.length })}
          </Button>
        )}
      </section>

      <section aria-labelledby="appr-first" className="block">
        <Heading level={2} data-size="sm" id="appr-first">
          {t('apprenticeships.first.title')}
        </Heading>
        {o.firstTimeBusinesses.length === 0 ? (
          <Paragraph data-size="sm">{t('apprenticeships.first.none')}</Paragraph>
        ) : (
          <dl className="appr-first">
            {o.firstTimeBusinesses.map((y) => (
              <div key={y.year}>
                <dt>{y.year}</dt>
                <dd>{y.businesses.map((b) => b.name).join(', ')}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
    </>
  );
}

function TradeName({ name }: { name: { nb: string; en: string } }) {
  const { i18n } = useTranslation();
  return <>{i18n.language === 'en' ? name.en : name.nb}</>;
}

function Places() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const { user } = useSession();
  const options = useOptions();
  const [p, setP] = useState<PlaceParams>({ page: 1 });
  const places = usePlaces(p);
  const [editing, setEditing] = useState<string | null>(null);
  const lang = i18n.language === 'en' ? 'en' : 'nb';
  const mayRegister = can.editDomain(user, 'apprenticeships') || user?.role === 'unit_manager' || (user?.role === 'business' && !!user.organisationId);
  const set = (k: keyof PlaceParams) => (e: React.ChangeEvent<HTMLSelectElement>) => setP((x) => ({ ...x, [k]: e.target.value || undefined, page: 1 }));
  return (
    <section aria-labelledby="appr-places" className="block">
      <Heading level={2} data-size="sm" id="appr-places">
        {t('apprenticeships.places.title')}
      </Heading>
      {mayRegister && options.data && <PlaceForm options={options.data} />}
      <div className="appr-filters">
        <Field>
          <Label>{t('apprenticeships.places.status')}</Label>
          <Select value={p.status ?? ''} onChange={set('status')}>
            <Select.Option value="">{t('apprenticeships.places.anyStatus')}</Select.Option>
            {(options.data?.statuses ?? []).map((s) => (
              <Select.Option key={s} value={s}>
                {t(`apprenticeships.status.${s}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label>{t('apprenticeships.places.trade')}</Label>
          <Select value={p.tradeKey ?? ''} onChange={set('tradeKey')}>
            <Select.Option value="">{t('apprenticeships.places.anyTrade')}</Select.Option>
            {(options.data?.trades ?? []).map((tr) => (
              <Select.Option key={tr.key} value={tr.key}>
                {tr[lang]}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label>{t('apprenticeships.places.holder')}</Label>
          <Select value={p.holder ?? ''} onChange={set('holder')}>
            <Select.Option value="">{t('apprenticeships.places.anyHolder')}</Select.Option>
            <Select.Option value="unit">{t('apprenticeships.places.holderUnit')}</Select.Option>
            <Select.Option value="organisation">{t('apprenticeships.places.holderBusiness')}</Select.Option>
          </Select>
        </Field>
      </div>
      {places.isPending ? (
        <Loading />
      ) : places.isError ? (
        <QueryError error={places.error} />
      ) : (
        <>
          <Paragraph data-size="sm" role="status">
            {t('apprenticeships.places.count', { count: places.data.total })}
          </Paragraph>
          {places.data.items.length === 0 ? (
            <Paragraph>{t('apprenticeships.places.none')}</Paragraph>
          ) : (
            <div className="table-wrap">
              <Table zebra border data-size="sm">
                <caption className="ds-sr-only">{t('apprenticeships.places.title')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('apprenticeships.places.holder')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('apprenticeships.places.trade')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('apprenticeships.places.term')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('apprenticeships.places.status')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('apprenticeships.places.contract')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('apprenticeships.places.change')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {places.data.items.map((pl) => (
                    <PlaceRow key={pl.id} place={pl} editing={editing === pl.id} onEdit={() => setEditing(editing === pl.id ? null : pl.id)} onDone={() => setEditing(null)} format={f} />
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
          <Pager page={p.page} total={places.data.total} pageSize={PLACES_PAGE_SIZE} onChange={(page) => setP((x) => ({ ...x, page }))} />
        </>
      )}
    </section>
  );
}

function PlaceRow({ place, editing, onEdit, onDone, format: f }: { place: Place; editing: boolean; onEdit: () => void; onDone: () => void; format: ReturnType<typeof useFormat> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nb';
  const next = NEXT[place.status];
  return (
    <>
      <Table.Row>
        <Table.HeaderCell scope="row">{place.holder}</Table.HeaderCell>
        <Table.Cell>{place.trade[lang]}</Table.Cell>
        <Table.Cell className="nowrap">
          {f.date(place.startDate)} – {f.date(place.closedOn ?? place.endDate)}
        </Table.Cell>
        <Table.Cell>
          <Tag data-size="sm" data-color={place.status === 'filled' ? 'success' : place.status === 'open' ? 'info' : place.status === 'dropped_out' ? 'warning' : 'neutral'}>
            {t(`apprenticeships.status.${place.status}`)}
          </Tag>
        </Table.Cell>
        <Table.Cell>{place.contractRef ?? '–'}</Table.Cell>
        <Table.Cell>
          {next.length > 0 && (
            <Button data-size="sm" variant="tertiary" onClick={onEdit} aria-expanded={editing} aria-label={t('apprenticeships.places.changeOne', { holder: place.holder, trade: place.trade[lang] })}>
              {t('apprenticeships.places.changeShort')}
            </Button>
          )}
        </Table.Cell>
      </Table.Row>
      {editing && (
        <Table.Row>
          <Table.Cell colSpan={6}>
            <StatusForm place={place} next={next} onDone={onDone} />
          </Table.Cell>
        </Table.Row>
      )}
    </>
  );
}

function StatusForm({ place, next, onDone }: { place: Place; next: PlaceStatus[]; onDone: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const [v, setV] = useState({ status: next[0]!, contractRef: place.contractRef ?? '', closedOn: '' });
  const save = useMutation({
    mutationFn: () => api<Place>(`/apprenticeships/places/${place.id}`, { method: 'PATCH', body: { status: v.status, contractRef: v.contractRef.trim() || null, ...(v.status === 'dropped_out' ? { closedOn: v.closedOn || null } : {}) } }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: apprKeys.all });
      onDone();
    },
  });
  const fe = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  return (
    <form
      className="appr-inline"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Field>
        <Label>{t('apprenticeships.places.newStatus')}</Label>
        <Select value={v.status} onChange={(e) => setV((x) => ({ ...x, status: e.target.value as PlaceStatus }))}>
          {next.map((s) => (
            <Select.Option key={s} value={s}>
              {t(`apprenticeships.status.${s}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {v.status === 'filled' && <Textfield label={t('apprenticeships.form.contractRef')} description={t('apprenticeships.form.contractHelp')} value={v.contractRef} onChange={(e) => setV((x) => ({ ...x, contractRef: e.target.value }))} error={fe.contractRef} />}
      {v.status === 'dropped_out' && <Textfield type="date" label={t('apprenticeships.form.closedOn')} value={v.closedOn} onChange={(e) => setV((x) => ({ ...x, closedOn: e.target.value }))} error={fe.closedOn} />}
      {save.isError && !Object.keys(fe).length && <Alert data-color="danger">{message(save.error)}</Alert>}
      {fe.status && <Alert data-color="danger">{fe.status}</Alert>}
      <Button type="submit" data-size="sm" disabled={save.isPending}>
        {t('apprenticeships.places.save')}
      </Button>
    </form>
  );
}

function PlaceForm({ options }: { options: Options }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nb';
  const qc = useQueryClient();
  const { user } = useSession();
  const message = useErrorMessage();
  const editor = can.editDomain(user, 'apprenticeships');
  const units = useUnits();
  const orgs = useOrganisations({ limit: 200 }, editor);
  const ownUnits = useMemo(() => (units.data ?? []).filter((u) => editor || (user?.role === 'unit_manager' && (user.unitScope ?? []).includes(u.id))), [units.data, editor, user]);
  const business = user?.role === 'business' ? user.organisationId : null;
  const year = Number(options.today.slice(0, 4));
  const empty = { holder: business ? `org:${business}` : '', tradeKey: '', startDate: `${year}-08-15`, endDate: `${year + 2}-08-14`, status: 'open', contractRef: '' };
  const [v, setV] = useState(empty);
  const [done, setDone] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => {
      const [kind, id] = v.holder.split(':');
      return api<Place>('/apprenticeships/places', { method: 'POST', body: { unitId: kind === 'unit' ? id : null, organisationId: kind === 'org' ? id : null, tradeKey: v.tradeKey, startDate: v.startDate, endDate: v.endDate, status: v.status, contractRef: v.contractRef.trim() || null } });
    },
    onSuccess: async (pl) => {
      setDone(t('apprenticeships.form.saved', { trade: pl.trade[lang], holder: pl.holder }));
      setV((x) => ({ ...empty, holder: x.holder }));
      await qc.invalidateQueries({ queryKey: apprKeys.all });
    },
  });
  const fe = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  const set = (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setV((x) => ({ ...x, [k]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    create.mutate();
  };
  const programmes = options.programmes.map((pr) => ({ ...pr, trades: options.trades.filter((tr) => tr.programme === pr.key) }));
  return (
    <details className="appr-form-wrap">
      <summary>{t('apprenticeships.form.title')}</summary>
      <form className="form appr-form" onSubmit={submit} noValidate>
        {!business && (
          <Field>
            <Label>{t('apprenticeships.form.holder')}</Label>
            <Select value={v.holder} onChange={set('holder')} aria-invalid={!!(fe.unitId || fe.organisationId)}>
              <Select.Option value="">{t('apprenticeships.form.pickHolder')}</Select.Option>
              <optgroup label={t('apprenticeships.places.holderUnit')}>
                {ownUnits.map((u) => (
                  <Select.Option key={u.id} value={`unit:${u.id}`}>
                    {u.name}
                  </Select.Option>
                ))}
              </optgroup>
              {editor && (
                <optgroup label={t('apprenticeships.places.holderBusiness')}>
                  {(orgs.data?.items ?? []).map((o) => (
                    <Select.Option key={o.id} value={`org:${o.id}`}>
                      {o.name}
                    </Select.Option>
                  ))}
                </optgroup>
              )}
            </Select>
            {(fe.unitId || fe.organisationId) && <Paragraph data-size="sm" className="appr-error">{fe.unitId ?? fe.organisationId}</Paragraph>}
          </Field>
        )}
        <Field>
          <Label>{t('apprenticeships.places.trade')}</Label>
          <Select value={v.tradeKey} onChange={set('tradeKey')} aria-invalid={!!fe.tradeKey}>
            <Select.Option value="">{t('apprenticeships.form.pickTrade')}</Select.Option>
            {programmes.map((pr) => (
              <optgroup key={pr.key} label={pr[lang]}>
                {pr.trades.map((tr) => (
                  <Select.Option key={tr.key} value={tr.key}>
                    {tr[lang]}
                  </Select.Option>
                ))}
              </optgroup>
            ))}
          </Select>
          {fe.tradeKey && <Paragraph data-size="sm" className="appr-error">{fe.tradeKey}</Paragraph>}
        </Field>
        <Textfield type="date" label={t('apprenticeships.form.start')} value={v.startDate} onChange={set('startDate')} error={fe.startDate} />
        <Textfield type="date" label={t('apprenticeships.form.end')} value={v.endDate} onChange={set('endDate')} error={fe.endDate} />
        <Field>
          <Label>{t('apprenticeships.places.status')}</Label>
          <Select value={v.status} onChange={set('status')}>
            <Select.Option value="open">{t('apprenticeships.status.open')}</Select.Option>
            <Select.Option value="filled">{t('apprenticeships.status.filled')}</Select.Option>
          </Select>
        </Field>
        <Textfield label={t('apprenticeships.form.contractRef')} description={t('apprenticeships.form.contractHelp')} value={v.contractRef} onChange={set('contractRef')} error={fe.contractRef} autoComplete="off" />
        {create.isError && !Object.keys(fe).length && <Alert data-color="danger">{message(create.error)}</Alert>}
        <div aria-live="polite">{done && <Alert data-color="success">{done}</Alert>}</div>
        <Button type="submit" disabled={create.isPending}>
          {t('apprenticeships.form.submit')}
        </Button>
      </form>
    </details>
  );
}
