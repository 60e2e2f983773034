import { useRef, useState } from 'react';
import { Alert, Button, Field, Heading, Label, Paragraph, Select, Tag, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, apiUrl } from '../app/api';
import { useFormat } from '../app/format';
import { PageHeading } from '../app/ui/PageHeading';
import { AppLink } from '../app/ui/AppLink';
import { Pager } from '../app/ui/Pager';
import { Loading, QueryError, useErrorMessage } from '../app/ui/Status';
import { circKeys, useCircularCalls, useFigures, useItems, useMarketOptions } from './queries';
import { resizePhoto } from './resize';
import type { Item, MarketOptions } from './types';
import './circular.css';

const PAGE_SIZE = 12;

/** The internal reuse marketplace: units post surplus furniture and equipment; other units reserve and collect it. */
export function MarketPage() {
  const { t } = useTranslation();
  const options = useMarketOptions();
  return (
    <div className="circ-page">
      <PageHeading>{t('circular.market.title')}</PageHeading>
      <Paragraph className="lead">{t('circular.market.intro')}</Paragraph>
      <Paragraph data-size="sm">
        <AppLink to="/circular">{t('circular.market.directoryLink')}</AppLink>
      </Paragraph>
      {options.isPending ? (
        <Loading />
      ) : options.isError ? (
        <QueryError error={options.error} />
      ) : (
        <>
          {options.data.myUnits.length > 0 && <PostForm options={options.data} />}
          <Items options={options.data} />
          <FiguresSection options={options.data} />
          <CircularCalls />
        </>
      )}
    </div>
  );
}

const today = () => new Date().toISOString().slice(0, 10);
const number = (s: string) => Number(s.replace(/\s/g, '').replace(',', '.'));

function PostForm({ options }: { options: MarketOptions }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const errorMessage = useErrorMessage();
  const fileRef = useRef<HTMLInputElement>(null);
  const first = options.myUnits[0]!;
  const empty = { unitId: first.id, title: '', category: options.categories[0]!.key, condition: 'good', quantity: '1', location: '', availableFrom: today(), costNok: '', description: '' };
  const [v, setV] = useState(empty);
  const [photo, setPhoto] = useState<{ id: string; width: number; height: number } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: async (file: File) => {
      const r = await resizePhoto(file);
      const body = new FormData();
      body.append('unitId', v.unitId);
      body.append('file', r.blob, r.name);
      return api<{ id: string; width: number; height: number }>('/circular/photos', { method: 'POST', body });
    },
    onSuccess: (p) => setPhoto(p),
    onError: () => setPhoto(null),
  });
  const create = useMutation({
    mutationFn: () => api<Item>('/circular/items', { method: 'POST', body: { unitId: v.unitId, title: v.title, description: v.description, category: v.category, condition: v.condition, quantity: number(v.quantity), location: v.location, availableFrom: v.availableFrom, costNok: v.costNok.trim() ? number(v.costNok) : null, photoFileId: photo?.id ?? null } }),
    onSuccess: (item) => {
      setDone(t('circular.market.posted', { title: item.title }));
      setV((x) => ({ ...empty, unitId: x.unitId, location: x.location }));
      setPhoto(null);
      if (fileRef.current) fileRef.current.value = '';
      void qc.invalidateQueries({ queryKey: circKeys.all });
    },
  });
  const fe = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  const set = (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => setV((x) => ({ ...x, [k]: e.target.value }));
  const lang = i18n.language === 'en' ? 'en' : 'nb';
  return (
    <section aria-labelledby="circ-post" className="circ-card">
      <Heading level={2} data-size="sm" id="circ-post">
        {t('circular.market.postTitle')}
      </Heading>
      <form
        noValidate
        className="circ-form"
        onSubmit={(e) => {
          e.preventDefault();
          setDone(null);
          create.mutate();
        }}
      >
        <Field>
          <Label>{t('circular.market.unit')}</Label>
          <Select value={v.unitId} onChange={set('unitId')}>
            {options.myUnits.map((u) => (
              <Select.Option key={u.id} value={u.id}>
                {u.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield label={t('circular.market.what')} value={v.title} onChange={set('title')} error={fe.title} />
        <Field>
          <Label>{t('circular.market.category')}</Label>
          <Select value={v.category} onChange={set('category')}>
            {options.categories.map((c) => (
              <Select.Option key={c.key} value={c.key}>
                {c[lang]}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label>{t('circular.market.condition')}</Label>
          <Select value={v.condition} onChange={set('condition')}>
            {options.conditions.map((c) => (
              <Select.Option key={c} value={c}>
                {t(`circular.condition.${c}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield label={t('circular.market.quantity')} inputMode="numeric" value={v.quantity} onChange={set('quantity')} error={fe.quantity} />
        <Textfield label={t('circular.market.location')} value={v.location} onChange={set('location')} error={fe.location} />
        <Textfield type="date" label={t('circular.market.availableFrom')} value={v.availableFrom} onChange={set('availableFrom')} error={fe.availableFrom} />
        <Textfield label={t('circular.market.cost')} inputMode="decimal" value={v.costNok} onChange={set('costNok')} error={fe.costNok} description={t('circular.market.costHelp')} />
        <Textfield className="circ-form__wide" multiline rows={2} label={t('circular.market.description')} value={v.description} onChange={set('description')} />
        <Field className="circ-form__wide">
          <Label htmlFor="circ-photo-input">{t('circular.market.photo')}</Label>
          <Paragraph data-size="sm" id="circ-photo-help">
            {t('circular.market.photoHelp')}
          </Paragraph>
          <input
            id="circ-photo-input"
            ref={fileRef}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            aria-describedby="circ-photo-help"
            onChange={(e) => {
              const file = e.target.files?.[0];
              setPhoto(null);
              if (file) upload.mutate(file);
            }}
          />
          <div aria-live="polite">
            {upload.isPending && <Paragraph data-size="sm">{t('circular.market.uploading')}</Paragraph>}
            {photo && <Alert data-color="success">{t('circular.market.photoReady', { width: photo.width, height: photo.height })}</Alert>}
            {/* The server's own words: they say what is wrong with this file (not an image, too large). */}
            {upload.isError && <Alert data-color="danger">{upload.error instanceof ApiError && upload.error.status !== 0 ? upload.error.message : errorMessage(upload.error)}</Alert>}
            {fe.photoFileId && <Alert data-color="danger">{fe.photoFileId}</Alert>}
          </div>
        </Field>
        {create.isError && !Object.keys(fe).length && <Alert data-color="danger">{errorMessage(create.error)}</Alert>}
        <div className="circ-form__wide" aria-live="polite">
          {done && <Alert data-color="success">{done}</Alert>}
        </div>
        <div className="circ-form__wide">
          <Button type="submit" disabled={create.isPending || upload.isPending}>
            {t('circular.market.post')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function Items({ options }: { options: MarketOptions }) {
  const { t } = useTranslation();
  const [state, setState] = useState('available');
  const [page, setPage] = useState(1);
  const items = useItems(state, page, PAGE_SIZE);
  const [feedback, setFeedback] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <section aria-labelledby="circ-items" className="circ-section">
      <Heading level={2} data-size="sm" id="circ-items">
        {t('circular.market.listTitle')}
      </Heading>
      <Field>
        <Label>{t('circular.market.show')}</Label>
        <Select
          value={state}
          onChange={(e) => {
            setState(e.target.value);
            setPage(1);
          }}
        >
          {['available', 'reserved', 'collected', 'withdrawn', ''].map((s) => (
            <Select.Option key={s} value={s}>
              {t(`circular.market.filter.${s || 'all'}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <div aria-live="polite">{feedback && <Alert data-color={feedback.ok ? 'success' : 'danger'}>{feedback.text}</Alert>}</div>
      {items.isPending ? (
        <Loading />
      ) : items.isError ? (
        <QueryError error={items.error} />
      ) : items.data.items.length === 0 ? (
        <Paragraph>{t('circular.market.none')}</Paragraph>
      ) : (
        <>
          <ul className="circ-items">
            {items.data.items.map((i) => (
              <li key={i.id}>
                <ItemCard item={i} options={options} onFeedback={setFeedback} />
              </li>
            ))}
          </ul>
          <Pager page={page} total={items.data.total} pageSize={PAGE_SIZE} onChange={setPage} />
        </>
      )}
    </section>
  );
}

function ItemCard({ item: i, options, onFeedback }: { item: Item; options: MarketOptions; onFeedback: (f: { ok: boolean; text: string } | null) => void }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const errorMessage = useErrorMessage();
  const takers = options.myUnits.filter((u) => u.id !== i.unitId);
  const [unitId, setUnitId] = useState(takers[0]?.id ?? '');
  const [qty, setQty] = useState('1');
  const act = useMutation({
    mutationFn: ({ path, body }: { path: string; body?: unknown; done: string }) => api<Item>(path, { method: 'POST', body }),
    onSuccess: (_r, vars) => {
      onFeedback({ ok: true, text: vars.done });
      void qc.invalidateQueries({ queryKey: circKeys.all });
    },
    onError: (e) => {
      onFeedback({ ok: false, text: errorMessage(e) });
      void qc.invalidateQueries({ queryKey: circKeys.items() });
    },
  });
  const category = options.categories.find((c) => c.key === i.category);
  const headingId = `circ-item-${i.id}`;
  return (
    <article className="circ-card" aria-labelledby={headingId}>
      {i.hasPhoto && <img className="circ-photo" src={apiUrl(`/circular/items/${i.id}/photo`)} alt={t('circular.market.photoAlt', { title: i.title })} loading="lazy" />}
      <Heading level={3} data-size="xs" id={headingId}>
        {i.title}
      </Heading>
      <div className="circ-tags">
        <Tag data-size="sm" data-color={i.state === 'available' ? 'success' : i.state === 'reserved' ? 'info' : 'neutral'}>
          {t(`circular.itemState.${i.state}`)}
        </Tag>
        <Tag data-size="sm" data-color="neutral">
          {category ? category[i18n.language === 'en' ? 'en' : 'nb'] : i.category}
        </Tag>
      </div>
      <Paragraph data-size="sm">{t('circular.market.details', { left: f.number(i.quantityLeft, 0), quantity: f.number(i.quantity, 0), unit: i.unit, location: i.location, condition: t(`circular.condition.${i.condition}`), from: f.date(i.availableFrom) })}</Paragraph>
      {i.description && <Paragraph data-size="sm">{i.description}</Paragraph>}
      <Paragraph data-size="sm">{t('circular.market.perItem', { kg: f.number(i.impactPerItem.kg), co2e: f.number(i.impactPerItem.co2eKg), nok: f.number(i.impactPerItem.nokSaved, 0) })}</Paragraph>
      {i.reservations.length > 0 && (
        <ul className="circ-reservations" aria-label={t('circular.market.reservations', { title: i.title })}>
          {i.reservations.map((r) => (
            <li key={r.id}>
              {t(`circular.reservation.${r.state}`, { quantity: r.quantity, unit: r.unit, date: f.date(r.closedAt ?? r.reservedAt) })}
              {r.mayCollect && (
                <Button data-size="sm" variant="secondary" onClick={() => act.mutate({ path: `/circular/reservations/${r.id}/collected`, done: t('circular.market.collectedDone', { title: i.title }) })} disabled={act.isPending}>
                  {t('circular.market.collect', { quantity: r.quantity, unit: r.unit })}
                </Button>
              )}
              {r.mayCancel && (
                <Button data-size="sm" variant="tertiary" onClick={() => act.mutate({ path: `/circular/reservations/${r.id}/cancel`, done: t('circular.market.cancelledDone', { title: i.title }) })} disabled={act.isPending}>
                  {t('circular.market.cancel', { quantity: r.quantity, unit: r.unit })}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {i.state === 'available' && takers.length > 0 && (
        <form
          className="circ-actions"
          onSubmit={(e) => {
            e.preventDefault();
            onFeedback(null);
            act.mutate({ path: `/circular/items/${i.id}/reservations`, body: { unitId, quantity: number(qty) }, done: t('circular.market.reserved', { title: i.title, quantity: number(qty) }) });
          }}
        >
          {takers.length > 1 && (
            <Field>
              <Label>{t('circular.market.forUnit')}</Label>
              <Select value={unitId} onChange={(e) => setUnitId(e.target.value)}>
                {takers.map((u) => (
                  <Select.Option key={u.id} value={u.id}>
                    {u.name}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          )}
          {i.quantityLeft > 1 && <Textfield label={t('circular.market.howMany', { title: i.title })} inputMode="numeric" value={qty} onChange={(e) => setQty(e.target.value)} style={{ maxWidth: '8rem' }} />}
          <Button type="submit" disabled={act.isPending}>
            {t('circular.market.reserve', { title: i.title })}
          </Button>
        </form>
      )}
      {i.mine && i.state === 'available' && (
        <Button variant="tertiary" data-size="sm" onClick={() => act.mutate({ path: `/circular/items/${i.id}/withdraw`, done: t('circular.market.withdrawnDone', { title: i.title }) })} disabled={act.isPending}>
          {t('circular.market.withdraw', { title: i.title })}
        </Button>
      )}
    </article>
  );
}

/** What was reused, per year and category, with the factors and their sources. */
function FiguresSection({ options }: { options: MarketOptions }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const figures = useFigures();
  const lang = i18n.language === 'en' ? 'en' : 'nb';
  return (
    <section aria-labelledby="circ-figures" className="circ-section">
      <Heading level={2} data-size="sm" id="circ-figures">
        {t('circular.figures.title')}
      </Heading>
      {figures.isPending ? (
        <Loading />
      ) : figures.isError ? (
        <QueryError error={figures.error} />
      ) : figures.data.years.length === 0 ? (
        <Paragraph>{t('circular.figures.none')}</Paragraph>
      ) : (
        <div className="circ-scroll" tabIndex={0} role="region" aria-labelledby="circ-figures">
          <table className="circ-table">
            <caption>{t('circular.figures.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('circular.figures.year')}</th>
                <th scope="col" className="num">{t('circular.figures.items')}</th>
                <th scope="col" className="num">{t('circular.figures.kg')}</th>
                <th scope="col" className="num">{t('circular.figures.nok')}</th>
                <th scope="col" className="num">{t('circular.figures.co2e')}</th>
              </tr>
            </thead>
            <tbody>
              {figures.data.years.map((y) => (
                <tr key={y.year}>
                  <th scope="row">{y.year}</th>
                  <td className="num">{f.number(y.items, 0)}</td>
                  <td className="num">{f.number(y.kg, 0)}</td>
                  <td className="num">{f.number(y.nokSaved, 0)}</td>
                  <td className="num">{f.number(y.co2eKg / 1000, 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <details>
        <summary>{t('circular.figures.factors')}</summary>
        <div className="circ-scroll" tabIndex={0} role="region" aria-label={t('circular.figures.factors')}>
          <table className="circ-table">
            <caption>{t('circular.figures.factorsCaption', { file: options.factorsFile })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('circular.market.category')}</th>
                <th scope="col" className="num">{t('circular.figures.kgPerItem')}</th>
                <th scope="col" className="num">{t('circular.figures.newPrice')}</th>
                <th scope="col" className="num">{t('circular.figures.co2ePerItem')}</th>
                <th scope="col">{t('circular.figures.source')}</th>
              </tr>
            </thead>
            <tbody>
              {options.categories.map((c) => (
                <tr key={c.key}>
                  <th scope="row">{c[lang]}</th>
                  <td className="num">{f.number(c.kgPerItem)}</td>
                  <td className="num">{f.number(c.newPriceNok, 0)}</td>
                  <td className="num">{f.number(c.co2ePerItemKg)}</td>
                  <td>
                    {c.co2eSource} ({c.year}). {c.weightPriceSource}.
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

/** The support schemes are grant rounds of the shared mechanism; applying and reviewing happen on the call's page. */
function CircularCalls() {
  const { t } = useTranslation();
  const f = useFormat();
  const calls = useCircularCalls();
  return (
    <section aria-labelledby="circ-calls" className="circ-section">
      <Heading level={2} data-size="sm" id="circ-calls">
        {t('circular.schemes.title')}
      </Heading>
      {calls.isPending ? (
        <Loading />
      ) : calls.isError ? (
        <QueryError error={calls.error} />
      ) : calls.data.length === 0 ? (
        <Paragraph>{t('circular.schemes.none')}</Paragraph>
      ) : (
        <ul className="circ-schemes">
          {calls.data.map((c) => (
            <li key={c.id}>
              <AppLink to="/enterprise/calls/$id" params={{ id: c.id }}>
                {c.title}
              </AppLink>
              <Paragraph data-size="sm">{t('circular.schemes.details', { deadline: f.dateTime(c.deadline), budget: f.number(c.budgetNok, 0) })}</Paragraph>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
