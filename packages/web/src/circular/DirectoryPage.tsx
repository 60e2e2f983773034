import { lazy, Suspense, useState } from 'react';
import { Button, Checkbox, Field, Heading, Label, Paragraph, Search, Select, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format';
import { PageHeading } from '../app/ui/PageHeading';
import { AppLink } from '../app/ui/AppLink';
import { Loading, QueryError } from '../app/ui/Status';
import { usePlaces, useSchemes, type PlaceFilter } from './queries';
import { WEEKDAYS, type Place } from './types';
import './circular.css';

// The map is its own chunk, loaded only when someone opens it: the list is the page's main view.
const DirectoryMap = lazy(() => import('./DirectoryMap').then((m) => ({ default: m.DirectoryMap })));

/** The public directory of reuse, second-hand, repair and rental places: a list first, a map on request. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<PlaceFilter>({ category: '', openNow: false, q: '' });
  const [view, setView] = useState<'list' | 'map'>('list');
  const [selected, setSelected] = useState<string | null>(null);
  const places = usePlaces(filter);
  const categories = places.data?.categories ?? [];
  return (
    <div className="circ-page">
      <PageHeading>{t('circular.directory.title')}</PageHeading>
      <Paragraph className="lead">{t('circular.directory.intro')}</Paragraph>
      <form className="circ-filters" role="search" aria-label={t('circular.directory.filters')} onSubmit={(e) => e.preventDefault()}>
        <Field>
          <Label>{t('circular.directory.category')}</Label>
          <Select value={filter.category} onChange={(e) => setFilter((f) => ({ ...f, category: e.target.value }))}>
            <Select.Option value="">{t('circular.directory.allCategories')}</Select.Option>
            {categories.map((c) => (
              <Select.Option key={c} value={c}>
                {t(`circular.category.${c}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label>{t('circular.directory.search')}</Label>
          <Search>
            <Search.Input aria-label={t('circular.directory.search')} value={filter.q} onChange={(e) => setFilter((f) => ({ ...f, q: e.target.value }))} />
            <Search.Clear onClick={() => setFilter((f) => ({ ...f, q: '' }))} />
          </Search>
        </Field>
        <Checkbox label={t('circular.directory.openNow')} checked={filter.openNow} onChange={(e) => setFilter((f) => ({ ...f, openNow: e.target.checked }))} />
      </form>
      <div className="circ-viewswitch" role="group" aria-label={t('circular.directory.view')}>
        <Button variant={view === 'list' ? 'primary' : 'secondary'} aria-pressed={view === 'list'} onClick={() => setView('list')}>
          {t('circular.directory.showList')}
        </Button>
        <Button variant={view === 'map' ? 'primary' : 'secondary'} aria-pressed={view === 'map'} onClick={() => setView('map')}>
          {t('circular.directory.showMap')}
        </Button>
      </div>
      {places.isPending ? (
        <Loading />
      ) : places.isError ? (
        <QueryError error={places.error} />
      ) : (
        <>
          <Paragraph aria-live="polite" data-size="sm">
            {t('circular.directory.count', { count: places.data.items.length, total: places.data.total })}
          </Paragraph>
          {view === 'map' && (
            <Suspense fallback={<Loading />}>
              <DirectoryMap places={places.data.items} selected={selected} onSelect={setSelected} />
            </Suspense>
          )}
          {places.data.items.length === 0 ? (
            <Paragraph>{t('circular.directory.none')}</Paragraph>
          ) : (
            view === 'list' && (
              <ul className="circ-places">
                {places.data.items.map((p) => (
                  <li key={p.id}>
                    <PlaceCard place={p} />
                  </li>
                ))}
              </ul>
            )
          )}
        </>
      )}
      <Schemes />
      <Paragraph data-size="sm">
        <AppLink to="/circular/market">{t('circular.directory.staffLink')}</AppLink>
      </Paragraph>
    </div>
  );
}

/** One place: what it is, what it takes or fixes, whether it is open, the hours and how to reach it. */
export function PlaceCard({ place: p, headingLevel = 2 }: { place: Place; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const headingId = `circ-place-${p.id}`;
  return (
    <article className="circ-card" aria-labelledby={headingId}>
      <Heading level={headingLevel} data-size="xs" id={headingId}>
        {p.name}
      </Heading>
      <div className="circ-tags">
        <Tag data-size="sm" data-color="neutral">
          {t(`circular.kind.${p.kind}`)}
        </Tag>
        <Tag data-size="sm" data-color={p.openNow ? 'success' : 'neutral'}>
          {p.openNow ? t('circular.directory.isOpen') : t('circular.directory.isClosed')}
        </Tag>
      </div>
      {p.description && <Paragraph data-size="sm">{p.description}</Paragraph>}
      <Paragraph data-size="sm">
        <strong>{t('circular.directory.takesOrFixes')}:</strong> {p.categories.map((c) => t(`circular.category.${c}`)).join(', ')}
      </Paragraph>
      {(p.address || p.place) && (
        <Paragraph data-size="sm">
          <strong>{t('circular.directory.address')}:</strong> {[p.address, [p.postalCode, p.place].filter(Boolean).join(' ')].filter(Boolean).join(', ')}
        </Paragraph>
      )}
      <Hours place={p} />
      <ul className="circ-contact">
        {p.phone && (
          <li>
            {t('circular.directory.phone')}: <a href={`tel:${p.phone.replace(/\s/g, '')}`}>{p.phone}</a>
          </li>
        )}
        {p.email && (
          <li>
            {t('circular.directory.email')}: <a href={`mailto:${p.email}`}>{p.email}</a>
          </li>
        )}
        {p.website && (
          <li>
            <a href={p.website} rel="noopener noreferrer">
              {t('circular.directory.website', { name: p.name })}
            </a>
          </li>
        )}
      </ul>
    </article>
  );
}

function Hours({ place: p }: { place: Place }) {
  const { t } = useTranslation();
  const days = WEEKDAYS.filter((d) => p.openingHours[d]?.length);
  return (
    <>
      <table className="circ-hours">
        <caption>{t('circular.directory.hoursCaption', { name: p.name })}</caption>
        <tbody>
          {WEEKDAYS.map((d) => (
            <tr key={d}>
              <th scope="row">{t(`circular.weekday.${d}`)}</th>
              <td>{p.openingHours[d]?.length ? p.openingHours[d]!.map(([a, b]) => `${a}–${b}`).join(', ') : t('circular.directory.closed')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!days.length && <Paragraph data-size="sm">{t('circular.directory.noHours')}</Paragraph>}
      {p.openingNote && <Paragraph data-size="sm">{p.openingNote}</Paragraph>}
    </>
  );
}

/** The municipality's support schemes for reuse and repair: applying is done signed in, on the call's page. */
function Schemes() {
  const { t } = useTranslation();
  const f = useFormat();
  const schemes = useSchemes();
  return (
    <section aria-labelledby="circ-schemes" className="circ-section">
      <Heading level={2} data-size="sm" id="circ-schemes">
        {t('circular.schemes.title')}
      </Heading>
      <Paragraph data-size="sm">{t('circular.schemes.intro')}</Paragraph>
      {schemes.isPending ? (
        <Loading />
      ) : schemes.isError ? (
        <QueryError error={schemes.error} />
      ) : schemes.data.length === 0 ? (
        <Paragraph>{t('circular.schemes.none')}</Paragraph>
      ) : (
        <ul className="circ-schemes">
          {schemes.data.map((s) => (
            <li key={s.id}>
              <AppLink to="/enterprise/calls/$id" params={{ id: s.id }}>
                {s.title}
              </AppLink>{' '}
              <Tag data-size="sm" data-color={s.state === 'open' ? 'success' : 'neutral'}>
                {t(`circular.schemes.state.${s.state}`)}
              </Tag>
              <Paragraph data-size="sm">
                {t('circular.schemes.details', { deadline: f.dateTime(s.deadline), budget: f.number(s.budgetNok, 0) })} {s.description}
              </Paragraph>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
