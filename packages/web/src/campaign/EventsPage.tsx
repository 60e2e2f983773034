// Upcoming meetings, workshops and repair days with registration: a name or nickname, an optional
// e-mail and seats; no account. The cancel code is shown once (only its hash is kept).
import { useState, type FormEvent } from 'react';
import { Alert, Button, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../app/api';
import { PageHeading } from '../app/ui/PageHeading';
import { AppLink } from '../app/ui/AppLink';
import { Pager } from '../app/ui/Pager';
import { Loading, QueryError, useErrorMessage } from '../app/ui/Status';
import { PAGE, useCmp, useEvents, type CampaignEvent } from './shared';
import './campaign.css';

function RegisterForm({ ev }: { ev: CampaignEvent }) {
  const c = useCmp();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const [open, setOpen] = useState(false);
  const [v, setV] = useState({ name: '', email: '', seats: '1' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: () => api<{ cancelCode: string; seats: number; seatsLeft: number }>(`/public/campaign/events/${ev.id}/registrations`, { method: 'POST', body: { name: v.name, email: v.email.trim() || null, seats: Number(v.seats) } }),
    onSuccess: () => {
      setErrors({});
      setSummary(null);
      void qc.invalidateQueries({ queryKey: ['campaign', 'events'] });
    },
    onError: (e) => {
      setErrors(e instanceof ApiError ? e.fieldErrors() : {});
      setSummary(e instanceof ApiError && e.status === 429 ? c.t('campaign.post.tooMany') : message(e));
    },
  });
  const id = `cmp-ev-${ev.id}`;
  if (send.isSuccess)
    return (
      <Alert data-color="success" role="status">
        <Heading level={4} data-size="2xs">
          {c.t('campaign.events.registered', { count: send.data.seats, n: send.data.seats })}
        </Heading>
        <Paragraph>
          {c.t('campaign.events.cancelCode')} <strong className="cmp-code" data-testid="cmp-cancel-code">{send.data.cancelCode}</strong>
        </Paragraph>
        <Paragraph data-size="sm">{c.t('campaign.events.cancelHelp')}</Paragraph>
      </Alert>
    );
  if (ev.seatsLeft <= 0) return <Paragraph>{c.t('campaign.events.full')}</Paragraph>;
  if (!open)
    return (
      <Button variant="secondary" onClick={() => setOpen(true)} aria-label={c.t('campaign.events.registerFor', { title: ev.title })}>
        {c.t('campaign.events.register')}
      </Button>
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const seats = Number(v.seats);
    const local: Record<string, string> = {};
    if (!v.name.trim()) local.name = c.t('campaign.events.nameRequired');
    if (!Number.isInteger(seats) || seats < 1 || seats > Math.min(6, ev.seatsLeft)) local.seats = c.t('campaign.events.seatsRange', { max: Math.min(6, ev.seatsLeft) });
    if (Object.keys(local).length) return setErrors(local);
    send.mutate();
  };
  return (
    <form className="cmp-form" onSubmit={submit} noValidate aria-label={c.t('campaign.events.registerFor', { title: ev.title })}>
      {summary && (
        <Alert data-color="danger" role="alert">
          {summary}
        </Alert>
      )}
      <Textfield id={`${id}-name`} label={c.t('campaign.events.name')} description={c.t('campaign.events.nameHelp')} autoComplete="nickname" value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} error={errors.name} maxLength={60} />
      <Textfield id={`${id}-email`} type="email" label={c.t('campaign.events.email')} description={c.t('campaign.events.emailHelp')} autoComplete="email" value={v.email} onChange={(e) => setV({ ...v, email: e.target.value })} error={errors.email} />
      <Textfield id={`${id}-seats`} label={c.t('campaign.events.seats')} inputMode="numeric" value={v.seats} onChange={(e) => setV({ ...v, seats: e.target.value })} error={errors.seats} />
      <div className="cmp-buttons">
        <Button type="submit" loading={send.isPending}>
          {c.t('campaign.events.confirm')}
        </Button>
        <Button type="button" variant="tertiary" onClick={() => setOpen(false)}>
          {c.t('campaign.cancel')}
        </Button>
      </div>
    </form>
  );
}

function CancelForm() {
  const c = useCmp();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const send = useMutation({
    mutationFn: () => api<{ seats: number }>('/public/campaign/registrations/cancel', { method: 'POST', body: { code } }),
    onSuccess: () => {
      setError(undefined);
      void qc.invalidateQueries({ queryKey: ['campaign', 'events'] });
    },
    onError: (e) => setError(e instanceof ApiError ? (e.fieldErrors().code ?? message(e)) : message(e)),
  });
  return (
    <section aria-labelledby="cmp-cancel" className="cmp-card">
      <Heading level={2} data-size="xs" id="cmp-cancel">
        {c.t('campaign.events.cancelTitle')}
      </Heading>
      {send.isSuccess ? (
        <Alert data-color="success" role="status">
          {c.t('campaign.events.cancelled', { count: send.data.seats, n: send.data.seats })}
        </Alert>
      ) : (
        <form
          className="cmp-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!code.trim()) return setError(c.t('campaign.events.codeRequired'));
            send.mutate();
          }}
        >
          <Textfield id="cmp-cancel-code" label={c.t('campaign.events.code')} autoComplete="off" value={code} onChange={(e) => setCode(e.target.value)} error={error} />
          <div className="cmp-buttons">
            <Button type="submit" variant="secondary" loading={send.isPending}>
              {c.t('campaign.events.cancelButton')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

export function EventsPage() {
  const c = useCmp();
  const [page, setPage] = useState(1);
  const q = useEvents(page);
  return (
    <div className="cmp-page">
      <PageHeading>{c.t('campaign.events.title')}</PageHeading>
      <Paragraph>{c.t('campaign.events.intro')}</Paragraph>
      <Paragraph>
        <AppLink to="/public/campaign">{c.t('campaign.nav.back')}</AppLink>
      </Paragraph>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <QueryError error={q.error} />
      ) : q.data.items.length === 0 ? (
        <Paragraph>{c.t('campaign.events.empty')}</Paragraph>
      ) : (
        <>
          <ul className="cmp-list">
            {q.data.items.map((ev) => (
              <li key={ev.id} className="cmp-card">
                <article aria-labelledby={`cmp-ev-h-${ev.id}`}>
                  <Heading level={2} data-size="xs" id={`cmp-ev-h-${ev.id}`}>
                    {ev.title}
                  </Heading>
                  <div className="cmp-tags">
                    <Tag data-size="sm" data-color="info">
                      {c.t(`campaign.kinds.${ev.kind}`)}
                    </Tag>
                    <Tag data-size="sm" data-color={ev.seatsLeft > 0 ? 'success' : 'warning'}>
                      {ev.seatsLeft > 0 ? c.t('campaign.events.left', { count: ev.seatsLeft, n: c.n(ev.seatsLeft) }) : c.t('campaign.events.fullTag')}
                    </Tag>
                  </div>
                  <dl className="cmp-dl">
                    <dt>{c.t('campaign.events.when')}</dt>
                    <dd>{c.when(ev.startsAt, ev.endsAt)}</dd>
                    <dt>{c.t('campaign.events.where')}</dt>
                    <dd>{ev.place}</dd>
                  </dl>
                  {ev.description && <Paragraph data-size="sm">{ev.description}</Paragraph>}
                  <RegisterForm ev={ev} />
                </article>
              </li>
            ))}
          </ul>
          {q.data.total > PAGE && <Pager page={page} total={q.data.total} pageSize={PAGE} onChange={setPage} />}
        </>
      )}
      <CancelForm />
    </div>
  );
}
