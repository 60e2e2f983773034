import { useState } from 'react';
import { Alert, Button, Checkbox, Field, Heading, Label, Paragraph, Select, Tag, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../app/api';
import { useFormat } from '../app/format';
import { PageHeading } from '../app/ui/PageHeading';
import { Loading, QueryError, useErrorMessage } from '../app/ui/Status';
import { AppLink } from '../app/ui/AppLink';
import { fwKeys, useKitchens, useOffers, useOptions } from './queries';
import { locate, useNear } from './position';
import type { Kitchen, Offer, OfferList } from './types';
import './foodwaste.css';

/** Surplus food: donors post offers, receivers claim them, and pickup is confirmed or a no-show recorded. */
export function OffersPage() {
  const { t } = useTranslation();
  const near = useNear();
  const offers = useOffers(near.position, near.withinKm);
  const kitchens = useKitchens();
  return (
    <>
      <PageHeading>{t('foodwaste.offers.title')}</PageHeading>
      <Paragraph className="lead">{t('foodwaste.offers.intro')}</Paragraph>
      <Paragraph>
        <AppLink to="/foodwaste">{t('foodwaste.dashboard.back')}</AppLink>
      </Paragraph>
      {kitchens.data && kitchens.data.length > 0 && <OfferForm kitchens={kitchens.data} />}
      <NearControl near={near} />
      {offers.isPending ? <Loading /> : offers.isError ? <QueryError error={offers.error} /> : <OfferItems list={offers.data} />}
    </>
  );
}

const RADII = [2, 5, 10, 25, 50];

/** "Nearest first": the browser's position (asked only when the button is pressed) and a radius. */
function NearControl({ near }: { near: ReturnType<typeof useNear> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [state, setState] = useState<'idle' | 'locating' | 'denied' | 'unavailable'>('idle');
  const find = () => {
    setState('locating');
    locate().then(
      (p) => {
        near.setPosition(p);
        setState('idle');
      },
      (e: Error) => setState(e.message === 'denied' ? 'denied' : 'unavailable'),
    );
  };
  return (
    <section aria-labelledby="fw-near" className="fw-card fw-near">
      <Heading level={2} data-size="xs" id="fw-near">
        {t('foodwaste.offers.near.title')}
      </Heading>
      <div className="fw-actions">
        <Button variant="secondary" onClick={find} disabled={state === 'locating'}>
          {state === 'locating' ? t('foodwaste.offers.near.locating') : near.position ? t('foodwaste.offers.near.update') : t('foodwaste.offers.near.use')}
        </Button>
        {near.position && (
          <>
            <Field className="fw-near__radius">
              <Label>{t('foodwaste.offers.near.radius')}</Label>
              <Select value={near.withinKm ?? ''} onChange={(e) => near.setWithinKm(e.target.value ? Number(e.target.value) : null)}>
                <Select.Option value="">{t('foodwaste.offers.near.anyDistance')}</Select.Option>
                {RADII.map((km) => (
                  <Select.Option key={km} value={km}>
                    {t('foodwaste.offers.near.within', { km })}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Button variant="tertiary" onClick={() => near.setPosition(null)}>
              {t('foodwaste.offers.near.clear')}
            </Button>
          </>
        )}
      </div>
      <div aria-live="polite">
        {near.position && state === 'idle' && <Paragraph data-size="sm">{t('foodwaste.offers.near.sorted', { lat: f.number(near.position.lat, 3), lon: f.number(near.position.lon, 3) })}</Paragraph>}
        {(state === 'denied' || state === 'unavailable') && <Alert data-color="warning">{t(`foodwaste.offers.near.${state}`)}</Alert>}
      </div>
    </section>
  );
}

const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

function OfferForm({ kitchens }: { kitchens: Kitchen[] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const options = useOptions();
  const errorMessage = useErrorMessage();
  const now = new Date();
  const [v, setV] = useState({ kitchenId: kitchens[0]!.id, title: '', kg: '', bestBefore: local(new Date(now.getTime() + 86_400_000)).slice(0, 10), pickupFrom: local(new Date(now.getTime() + 3_600_000)), pickupTo: local(new Date(now.getTime() + 4 * 3_600_000)), place: '', coldChain: false });
  const [done, setDone] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => api<Offer>('/foodwaste/offers', { method: 'POST', body: { ...v, kg: Number(v.kg.replace(/\s/g, '').replace(',', '.')), pickupFrom: new Date(v.pickupFrom).toISOString(), pickupTo: new Date(v.pickupTo).toISOString() } }),
    onSuccess: (o) => {
      setDone(t('foodwaste.offers.created', { title: o.title }));
      setV((x) => ({ ...x, title: '', kg: '', place: x.place }));
      void qc.invalidateQueries({ queryKey: fwKeys.offers() });
    },
  });
  const fe = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  const set = (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setV((x) => ({ ...x, [k]: e.target.type === 'checkbox' ? (e.target as HTMLInputElement).checked : e.target.value }));
  return (
    <section aria-labelledby="fw-offer-form" className="fw-card">
      <Heading level={2} data-size="sm" id="fw-offer-form">
        {t('foodwaste.offers.formTitle')}
      </Heading>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setDone(null);
          create.mutate();
        }}
        noValidate
        className="fw-form"
      >
        {kitchens.length > 1 && (
          <Field>
            <Label>{t('foodwaste.offers.donor')}</Label>
            <Select value={v.kitchenId} onChange={set('kitchenId')}>
              {kitchens.map((k) => (
                <Select.Option key={k.id} value={k.id}>
                  {k.name}
                </Select.Option>
              ))}
            </Select>
          </Field>
        )}
        <Textfield label={t('foodwaste.offers.what')} value={v.title} onChange={set('title')} error={fe.title} />
        <Textfield label={t('foodwaste.fields.kg')} inputMode="decimal" value={v.kg} onChange={set('kg')} error={fe.kg} description={options.data ? t('foodwaste.offers.kgHelp', { max: options.data.maxKgPerOffer }) : undefined} />
        <Textfield type="date" label={t('foodwaste.offers.bestBefore')} value={v.bestBefore} onChange={set('bestBefore')} error={fe.bestBefore} />
        <Textfield type="datetime-local" label={t('foodwaste.offers.pickupFrom')} value={v.pickupFrom} onChange={set('pickupFrom')} error={fe.pickupFrom} />
        <Textfield type="datetime-local" label={t('foodwaste.offers.pickupTo')} value={v.pickupTo} onChange={set('pickupTo')} error={fe.pickupTo} />
        <Textfield label={t('foodwaste.offers.place')} value={v.place} onChange={set('place')} error={fe.place} />
        <Checkbox label={t('foodwaste.offers.coldChain')} checked={v.coldChain} onChange={set('coldChain')} />
        {create.isError && !Object.keys(fe).length && <Alert data-color="danger">{errorMessage(create.error)}</Alert>}
        <div aria-live="polite">{done && <Alert data-color="success">{done}</Alert>}</div>
        <Button type="submit" data-size="lg" disabled={create.isPending}>
          {t('foodwaste.offers.post')}
        </Button>
      </form>
    </section>
  );
}

function OfferItems({ list }: { list: OfferList }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const errorMessage = useErrorMessage();
  const [feedback, setFeedback] = useState<{ ok: boolean; text: string } | null>(null);
  const act = useMutation({
    mutationFn: ({ offer, action }: { offer: Offer; action: 'claim' | 'collected' | 'no-show' }) => api<Offer>(`/foodwaste/offers/${offer.id}/${action}`, { method: 'POST', body: action === 'claim' ? {} : undefined }),
    onSuccess: (o, { action }) => {
      setFeedback({ ok: true, text: t(`foodwaste.offers.done.${action}`, { title: o.title }) });
      void qc.invalidateQueries({ queryKey: fwKeys.all });
    },
    onError: (e) => {
      setFeedback({ ok: false, text: errorMessage(e) });
      void qc.invalidateQueries({ queryKey: fwKeys.offers() });
    },
  });
  return (
    <section aria-labelledby="fw-offers-list">
      <Heading level={2} data-size="sm" id="fw-offers-list">
        {list.isReceiver ? t('foodwaste.offers.listReceiver') : t('foodwaste.offers.list')}
      </Heading>
      <div aria-live="polite">{feedback && <Alert data-color={feedback.ok ? 'success' : 'danger'}>{feedback.text}</Alert>}</div>
      {list.items.length === 0 ? (
        <Paragraph>{t('foodwaste.offers.none')}</Paragraph>
      ) : (
        <ul className="fw-offers">
          {/* Open offers first (in distance order when a position is used), then claimed and past ones. */}
          {[...list.items].sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open')).map((o) => {
            const mineAsReceiver = list.receiverOrganisationId !== null && o.receiverOrganisationId === list.receiverOrganisationId;
            return (
              <li key={o.id} className="fw-card" aria-labelledby={`offer-${o.id}`}>
                <Heading level={3} data-size="xs" id={`offer-${o.id}`}>
                  {o.title} – {f.number(o.kg, 1)} kg
                </Heading>
                <Tag data-size="sm" data-color={o.status === 'open' ? 'success' : o.status === 'claimed' ? 'info' : 'neutral'}>
                  {t(`foodwaste.offers.status.${o.status}`)}
                </Tag>{' '}
                {o.distanceKm !== null && (
                  <Tag data-size="sm" data-color="neutral">
                    {t('foodwaste.offers.near.distance', { km: f.number(o.distanceKm, o.distanceKm < 10 ? 1 : 0) })}
                  </Tag>
                )}
                <Paragraph data-size="sm">
                  {t('foodwaste.offers.details', { donor: o.donor, place: o.place, from: f.dateTime(o.pickupFrom), to: f.dateTime(o.pickupTo), bestBefore: f.date(o.bestBefore) })}
                  {o.coldChain ? ` ${t('foodwaste.offers.coldChainNeeded')}` : ''}
                  {o.receiver ? ` ${t('foodwaste.offers.claimedBy', { receiver: o.receiver })}` : ''}
                </Paragraph>
                <div className="fw-actions">
                  {list.isReceiver && o.status === 'open' && (
                    <Button data-size="lg" onClick={() => act.mutate({ offer: o, action: 'claim' })} disabled={act.isPending}>
                      {t('foodwaste.offers.claim', { title: o.title })}
                    </Button>
                  )}
                  {o.status === 'claimed' && (o.mine || mineAsReceiver) && (
                    <Button data-size="lg" onClick={() => act.mutate({ offer: o, action: 'collected' })} disabled={act.isPending}>
                      {t('foodwaste.offers.confirm', { title: o.title })}
                    </Button>
                  )}
                  {o.status === 'claimed' && o.mine && (
                    <Button variant="secondary" data-size="lg" onClick={() => act.mutate({ offer: o, action: 'no-show' })} disabled={act.isPending}>
                      {t('foodwaste.offers.noShow', { title: o.title })}
                    </Button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
