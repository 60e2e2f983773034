// Campaign editors: themes (texts, moderation mode, open or closed) and events (capacity, time,
// place), each created or edited in a form; the event list shows seats taken and registrations.
import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Field, Heading, Label, Paragraph, Select, Textarea, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, type Paged } from '../app/api';
import { PageHeading } from '../app/ui/PageHeading';
import { AppLink } from '../app/ui/AppLink';
import { Pager } from '../app/ui/Pager';
import { Loading, QueryError, useErrorMessage } from '../app/ui/Status';
import { campaignKeys, PAGE, useCmp, useThemes, type CampaignEvent, type Theme } from './shared';
import './campaign.css';

type ThemeForm = { titleNb: string; titleEn: string; textNb: string; textEn: string; moderation: string; open: boolean };
const emptyTheme: ThemeForm = { titleNb: '', titleEn: '', textNb: '', textEn: '', moderation: 'post', open: true };

function ThemeEditor({ theme, onDone }: { theme: Theme | null; onDone: () => void }) {
  const c = useCmp();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const [v, setV] = useState<ThemeForm>(theme ? { titleNb: theme.titleNb, titleEn: theme.titleEn ?? '', textNb: theme.textNb, textEn: theme.textEn ?? '', moderation: theme.moderation, open: theme.open } : emptyTheme);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => api<Theme>(theme ? `/campaign/themes/${theme.id}` : '/campaign/themes', { method: theme ? 'PATCH' : 'POST', body: { ...v, titleEn: v.titleEn || null, textEn: v.textEn || null } }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['campaign'] });
      onDone();
    },
    onError: (e) => {
      setErrors(e instanceof ApiError ? e.fieldErrors() : {});
      setSummary(message(e));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="cmp-form cmp-card" onSubmit={submit} noValidate aria-labelledby="cmp-theme-form">
      <Heading level={3} data-size="xs" id="cmp-theme-form">
        {theme ? c.t('campaign.admin.editTheme') : c.t('campaign.admin.newTheme')}
      </Heading>
      {summary && (
        <Alert data-color="danger" role="alert">
          {summary}
        </Alert>
      )}
      <Textfield id="cmp-th-titleNb" label={c.t('campaign.admin.titleNb')} value={v.titleNb} onChange={(e) => setV({ ...v, titleNb: e.target.value })} error={errors.titleNb} />
      <Textfield id="cmp-th-titleEn" label={c.t('campaign.admin.titleEn')} value={v.titleEn} onChange={(e) => setV({ ...v, titleEn: e.target.value })} error={errors.titleEn} />
      <Field>
        <Label htmlFor="cmp-th-textNb">{c.t('campaign.admin.textNb')}</Label>
        <Textarea id="cmp-th-textNb" rows={3} value={v.textNb} onChange={(e) => setV({ ...v, textNb: e.target.value })} aria-invalid={!!errors.textNb} />
        {errors.textNb && <ValidationMessage>{errors.textNb}</ValidationMessage>}
      </Field>
      <Field>
        <Label htmlFor="cmp-th-textEn">{c.t('campaign.admin.textEn')}</Label>
        <Textarea id="cmp-th-textEn" rows={3} value={v.textEn} onChange={(e) => setV({ ...v, textEn: e.target.value })} />
      </Field>
      <Field>
        <Label htmlFor="cmp-th-moderation">{c.t('campaign.admin.moderation')}</Label>
        <Select id="cmp-th-moderation" value={v.moderation} onChange={(e) => setV({ ...v, moderation: e.target.value })}>
          <Select.Option value="post">{c.t('campaign.admin.modePost')}</Select.Option>
          <Select.Option value="pre">{c.t('campaign.admin.modePre')}</Select.Option>
        </Select>
      </Field>
      <Checkbox id="cmp-th-open" label={c.t('campaign.admin.open')} checked={v.open} onChange={(e) => setV({ ...v, open: e.target.checked })} />
      <div className="cmp-buttons">
        <Button type="submit" loading={save.isPending}>
          {c.t('campaign.admin.save')}
        </Button>
        <Button type="button" variant="tertiary" onClick={onDone}>
          {c.t('campaign.cancel')}
        </Button>
      </div>
    </form>
  );
}

type EventForm = { themeId: string; kind: string; title: string; description: string; place: string; startsAt: string; endsAt: string; capacity: string; cancelled: boolean };
const local = (iso: string) => {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
};
/** The browser's local time with its offset, so the server stores the moment the editor meant. */
const withOffset = (v: string) => {
  if (!v) return v;
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) return v;
  return d.toISOString();
};

function EventEditor({ ev, themes, onDone }: { ev: CampaignEvent | null; themes: Theme[]; onDone: () => void }) {
  const c = useCmp();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const [v, setV] = useState<EventForm>(ev ? { themeId: ev.themeId ?? '', kind: ev.kind, title: ev.title, description: ev.description ?? '', place: ev.place, startsAt: local(ev.startsAt), endsAt: local(ev.endsAt), capacity: String(ev.capacity), cancelled: ev.cancelled } : { themeId: '', kind: 'workshop', title: '', description: '', place: '', startsAt: '', endsAt: '', capacity: '20', cancelled: false });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => api<CampaignEvent>(ev ? `/campaign/events/${ev.id}` : '/campaign/events', { method: ev ? 'PATCH' : 'POST', body: { themeId: v.themeId || null, kind: v.kind, title: v.title, description: v.description || null, place: v.place, startsAt: withOffset(v.startsAt), endsAt: withOffset(v.endsAt), capacity: Number.parseInt(v.capacity, 10) || 0, cancelled: v.cancelled } }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['campaign'] });
      onDone();
    },
    onError: (e) => {
      setErrors(e instanceof ApiError ? e.fieldErrors() : {});
      setSummary(message(e));
    },
  });
  return (
    <form
      className="cmp-form cmp-card"
      noValidate
      aria-labelledby="cmp-event-form"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Heading level={3} data-size="xs" id="cmp-event-form">
        {ev ? c.t('campaign.admin.editEvent') : c.t('campaign.admin.newEvent')}
      </Heading>
      {summary && (
        <Alert data-color="danger" role="alert">
          {summary}
        </Alert>
      )}
      <Textfield id="cmp-ev-title" label={c.t('campaign.admin.eventTitle')} value={v.title} onChange={(e) => setV({ ...v, title: e.target.value })} error={errors.title} />
      <Field>
        <Label htmlFor="cmp-ev-kind">{c.t('campaign.admin.kind')}</Label>
        <Select id="cmp-ev-kind" value={v.kind} onChange={(e) => setV({ ...v, kind: e.target.value })}>
          {(['meeting', 'workshop', 'repair_day'] as const).map((k) => (
            <Select.Option key={k} value={k}>
              {c.t(`campaign.kinds.${k}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Field>
        <Label htmlFor="cmp-ev-theme">{c.t('campaign.admin.theme')}</Label>
        <Select id="cmp-ev-theme" value={v.themeId} onChange={(e) => setV({ ...v, themeId: e.target.value })} aria-invalid={!!errors.themeId}>
          <Select.Option value="">{c.t('campaign.admin.noTheme')}</Select.Option>
          {themes.map((t) => (
            <Select.Option key={t.id} value={t.id}>
              {c.title(t)}
            </Select.Option>
          ))}
        </Select>
        {errors.themeId && <ValidationMessage>{errors.themeId}</ValidationMessage>}
      </Field>
      <Textfield id="cmp-ev-place" label={c.t('campaign.admin.place')} value={v.place} onChange={(e) => setV({ ...v, place: e.target.value })} error={errors.place} />
      <Textfield id="cmp-ev-start" type="datetime-local" label={c.t('campaign.admin.startsAt')} value={v.startsAt} onChange={(e) => setV({ ...v, startsAt: e.target.value })} error={errors.startsAt} />
      <Textfield id="cmp-ev-end" type="datetime-local" label={c.t('campaign.admin.endsAt')} value={v.endsAt} onChange={(e) => setV({ ...v, endsAt: e.target.value })} error={errors.endsAt} />
      <Textfield id="cmp-ev-capacity" label={c.t('campaign.admin.capacity')} inputMode="numeric" value={v.capacity} onChange={(e) => setV({ ...v, capacity: e.target.value })} error={errors.capacity} />
      <Field>
        <Label htmlFor="cmp-ev-description">{c.t('campaign.admin.description')}</Label>
        <Textarea id="cmp-ev-description" rows={3} value={v.description} onChange={(e) => setV({ ...v, description: e.target.value })} />
      </Field>
      {ev && <Checkbox id="cmp-ev-cancelled" label={c.t('campaign.admin.cancelled')} checked={v.cancelled} onChange={(e) => setV({ ...v, cancelled: e.target.checked })} />}
      <div className="cmp-buttons">
        <Button type="submit" loading={save.isPending}>
          {c.t('campaign.admin.save')}
        </Button>
        <Button type="button" variant="tertiary" onClick={onDone}>
          {c.t('campaign.cancel')}
        </Button>
      </div>
    </form>
  );
}

export function AdminPage() {
  const c = useCmp();
  const themes = useThemes();
  const [page, setPage] = useState(1);
  const events = useQuery({ queryKey: campaignKeys.allEvents(page), queryFn: () => api<Paged<CampaignEvent>>('/campaign/events', { query: { limit: PAGE, offset: (page - 1) * PAGE } }) });
  const [themeEdit, setThemeEdit] = useState<Theme | 'new' | null>(null);
  const [eventEdit, setEventEdit] = useState<CampaignEvent | 'new' | null>(null);
  return (
    <div className="cmp-page cmp-wide">
      <PageHeading>{c.t('campaign.admin.title')}</PageHeading>
      <Paragraph>
        <AppLink to="/campaign">{c.t('campaign.nav.back')}</AppLink>
      </Paragraph>
      <section aria-labelledby="cmp-admin-themes">
        <Heading level={2} data-size="sm" id="cmp-admin-themes">
          {c.t('campaign.themes.title')}
        </Heading>
        {themes.isPending ? (
          <Loading />
        ) : themes.isError ? (
          <QueryError error={themes.error} />
        ) : (
          <div className="cmp-scroll" tabIndex={0} role="region" aria-labelledby="cmp-admin-themes">
            <table className="cmp-table">
              <caption>{c.t('campaign.admin.themesCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{c.t('campaign.admin.titleNb')}</th>
                  <th scope="col">{c.t('campaign.admin.moderation')}</th>
                  <th scope="col">{c.t('campaign.admin.status')}</th>
                  <th scope="col" className="num">{c.t('campaign.admin.threads')}</th>
                  <th scope="col">
                    <span className="cmp-sr">{c.t('campaign.admin.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {themes.data.map((t) => (
                  <tr key={t.id}>
                    <th scope="row">{t.titleNb}</th>
                    <td>{t.moderation === 'pre' ? c.t('campaign.admin.modePre') : c.t('campaign.admin.modePost')}</td>
                    <td>{t.open ? c.t('campaign.admin.isOpen') : c.t('campaign.themes.closed')}</td>
                    <td className="num">{c.n(t.threads)}</td>
                    <td>
                      <Button data-size="sm" variant="tertiary" onClick={() => setThemeEdit(t)} aria-label={c.t('campaign.admin.editNamed', { name: t.titleNb })}>
                        {c.t('campaign.admin.edit')}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {themeEdit ? (
          <ThemeEditor key={themeEdit === 'new' ? 'new' : themeEdit.id} theme={themeEdit === 'new' ? null : themeEdit} onDone={() => setThemeEdit(null)} />
        ) : (
          <Button variant="secondary" onClick={() => setThemeEdit('new')}>
            {c.t('campaign.admin.newTheme')}
          </Button>
        )}
      </section>
      <section aria-labelledby="cmp-admin-events">
        <Heading level={2} data-size="sm" id="cmp-admin-events">
          {c.t('campaign.events.title')}
        </Heading>
        {events.isPending ? (
          <Loading />
        ) : events.isError ? (
          <QueryError error={events.error} />
        ) : events.data.items.length === 0 ? (
          <Paragraph>{c.t('campaign.events.empty')}</Paragraph>
        ) : (
          <>
            <div className="cmp-scroll" tabIndex={0} role="region" aria-labelledby="cmp-admin-events">
              <table className="cmp-table">
                <caption>{c.t('campaign.admin.eventsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{c.t('campaign.admin.eventTitle')}</th>
                    <th scope="col">{c.t('campaign.admin.kind')}</th>
                    <th scope="col">{c.t('campaign.admin.startsAt')}</th>
                    <th scope="col" className="num">{c.t('campaign.admin.seats')}</th>
                    <th scope="col">
                      <span className="cmp-sr">{c.t('campaign.admin.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {events.data.items.map((e) => (
                    <tr key={e.id}>
                      <th scope="row">
                        {e.title}
                        {e.cancelled ? ` (${c.t('campaign.admin.cancelledShort')})` : ''}
                      </th>
                      <td>{c.t(`campaign.kinds.${e.kind}`)}</td>
                      <td>{c.dateTime(e.startsAt)}</td>
                      <td className="num">
                        {c.n(e.seatsTaken)} / {c.n(e.capacity)}
                      </td>
                      <td>
                        <Button data-size="sm" variant="tertiary" onClick={() => setEventEdit(e)} aria-label={c.t('campaign.admin.editNamed', { name: e.title })}>
                          {c.t('campaign.admin.edit')}
                        </Button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {events.data.total > PAGE && <Pager page={page} total={events.data.total} pageSize={PAGE} onChange={setPage} />}
          </>
        )}
        {eventEdit ? (
          <EventEditor key={eventEdit === 'new' ? 'new' : eventEdit.id} ev={eventEdit === 'new' ? null : eventEdit} themes={themes.data ?? []} onDone={() => setEventEdit(null)} />
        ) : (
          <Button variant="secondary" onClick={() => setEventEdit('new')}>
            {c.t('campaign.admin.newEvent')}
          </Button>
        )}
      </section>
    </div>
  );
}
