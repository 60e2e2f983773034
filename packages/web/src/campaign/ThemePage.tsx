// A theme with its threads: read, reply, start a thread, report a post. Posting needs no account:
// a display name, the code of conduct accepted, and the spam checks (a hidden field, a signed
// token of when the form was shown). The text stays in the form when something is refused.
import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Details, Field, Heading, Label, Paragraph, Select, Tag, Textarea, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { api, ApiError } from '../app/api';
import { PageHeading } from '../app/ui/PageHeading';
import { AppLink } from '../app/ui/AppLink';
import { Pager } from '../app/ui/Pager';
import { Loading, QueryError, useErrorMessage } from '../app/ui/Status';
import { ConductText } from './ThemesPage';
import { campaignKeys, PAGE, participantId, useCmp, type Post, type Theme, type ThemeThreads } from './shared';
import './campaign.css';

const REASONS = ['offensive', 'spam', 'personal_data', 'off_topic', 'other'] as const;

function ReportButton({ post }: { post: Post }) {
  const c = useCmp();
  const message = useErrorMessage();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: () => api('/public/campaign/posts/' + post.id + '/reports', { method: 'POST', body: { reason, note: note || null } }),
    onError: (e) => setError(e instanceof ApiError ? (e.fieldErrors().reason ?? message(e)) : message(e)),
  });
  const id = `cmp-report-${post.id}`;
  if (send.isSuccess)
    return (
      <Paragraph data-size="sm" role="status">
        {c.t('campaign.report.thanks')}
      </Paragraph>
    );
  if (!open)
    return (
      <Button variant="tertiary" data-size="sm" onClick={() => setOpen(true)} aria-label={c.t('campaign.report.buttonFor', { name: post.displayName })}>
        {c.t('campaign.report.button')}
      </Button>
    );
  return (
    <form
      className="cmp-report"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason) return setError(c.t('campaign.report.chooseReason'));
        setError(null);
        send.mutate();
      }}
    >
      <Field>
        <Label htmlFor={`${id}-reason`}>{c.t('campaign.report.reason')}</Label>
        <Select id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={!!error}>
          <Select.Option value="">{c.t('campaign.report.choose')}</Select.Option>
          {REASONS.map((r) => (
            <Select.Option key={r} value={r}>
              {c.t(`campaign.reasons.${r}`)}
            </Select.Option>
          ))}
        </Select>
        {error && <ValidationMessage>{error}</ValidationMessage>}
      </Field>
      <Textfield id={`${id}-note`} label={c.t('campaign.report.note')} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
      <div className="cmp-buttons">
        <Button type="submit" data-size="sm" variant="secondary" loading={send.isPending}>
          {c.t('campaign.report.send')}
        </Button>
        <Button type="button" data-size="sm" variant="tertiary" onClick={() => setOpen(false)}>
          {c.t('campaign.cancel')}
        </Button>
      </div>
    </form>
  );
}

function PostBody({ post }: { post: Post }) {
  const c = useCmp();
  return (
    <>
      <p className="cmp-meta">
        <strong>{post.displayName}</strong>
        {post.byStaff && (
          <Tag data-size="sm" data-color="info">
            {c.t('campaign.post.staff')}
          </Tag>
        )}{' '}
        <time dateTime={post.createdAt}>{c.dateTime(post.createdAt)}</time>
      </p>
      <p className="cmp-body">{post.body}</p>
      <ReportButton post={post} />
    </>
  );
}

/** The form for a new thread (no parent) or a reply; fetches a form token when shown. */
export function PostForm({ theme, parentId, onDone }: { theme: Theme; parentId?: string; onDone?: () => void }) {
  const c = useCmp();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const prefix = parentId ? `cmp-reply-${parentId}` : 'cmp-new';
  const [v, setV] = useState({ displayName: '', title: '', body: '', accepted: false, website: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const token = useQuery({ queryKey: ['campaign', 'form-token', prefix], queryFn: () => api<{ token: string; minSeconds: number }>('/public/campaign/form-token'), staleTime: Infinity, gcTime: 0 });
  const send = useMutation({
    mutationFn: () =>
      api<{ id: string; status: string; message: string }>(`/public/campaign/themes/${theme.id}/posts`, {
        method: 'POST',
        body: { parentId: parentId ?? null, title: parentId ? null : v.title, displayName: v.displayName, body: v.body, acceptedConduct: v.accepted, formToken: token.data?.token ?? '', website: v.website || null, participant: participantId() || null },
      }),
    onSuccess: (r) => {
      setDone(r.status === 'pending' ? c.t('campaign.post.held') : c.t('campaign.post.published'));
      setV({ displayName: v.displayName, title: '', body: '', accepted: v.accepted, website: '' });
      setErrors({});
      setSummary(null);
      void qc.invalidateQueries({ queryKey: ['campaign'] });
      void token.refetch();
      onDone?.();
    },
    onError: (e) => {
      setDone(null);
      if (e instanceof ApiError) {
        const fe = e.fieldErrors();
        setErrors(fe);
        setSummary(e.status === 429 ? `${c.t('campaign.post.tooMany')} ${e.details[0]?.message ?? ''}` : fe.formToken ? fe.formToken : fe.website ? fe.website : message(e));
        if (fe.formToken) void token.refetch();
      } else setSummary(message(e));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!v.accepted) local.acceptedConduct = c.t('campaign.post.mustAccept');
    if (!v.displayName.trim()) local.displayName = c.t('campaign.post.nameRequired');
    if (!parentId && !v.title.trim()) local.title = c.t('campaign.post.titleRequired');
    if (!v.body.trim()) local.body = c.t('campaign.post.bodyRequired');
    if (Object.keys(local).length) {
      setErrors(local);
      setSummary(c.t('campaign.post.fix'));
      return;
    }
    send.mutate();
  };
  if (!theme.open) return <Paragraph>{c.t('campaign.themes.closedText')}</Paragraph>;
  return (
    <form className="cmp-form" onSubmit={submit} noValidate aria-labelledby={`${prefix}-h`}>
      <Heading level={parentId ? 4 : 2} data-size="xs" id={`${prefix}-h`}>
        {parentId ? c.t('campaign.post.replyTitle') : c.t('campaign.post.newTitle')}
      </Heading>
      {theme.moderation === 'pre' && <Paragraph data-size="sm">{c.t('campaign.themes.preText')}</Paragraph>}
      {done && (
        <Alert data-color="success" role="status">
          {done}
        </Alert>
      )}
      {summary && (
        <Alert data-color="danger" role="alert">
          {summary}
        </Alert>
      )}
      <Textfield id={`${prefix}-name`} label={c.t('campaign.post.displayName')} description={c.t('campaign.post.displayNameHelp')} autoComplete="nickname" value={v.displayName} onChange={(e) => setV({ ...v, displayName: e.target.value })} error={errors.displayName} maxLength={40} />
      {!parentId && <Textfield id={`${prefix}-title`} label={c.t('campaign.post.title')} value={v.title} onChange={(e) => setV({ ...v, title: e.target.value })} error={errors.title} maxLength={120} />}
      <Field>
        <Label htmlFor={`${prefix}-body`}>{parentId ? c.t('campaign.post.reply') : c.t('campaign.post.body')}</Label>
        <Field.Description>{c.t('campaign.post.bodyHelp')}</Field.Description>
        <Textarea id={`${prefix}-body`} rows={parentId ? 3 : 5} value={v.body} onChange={(e) => setV({ ...v, body: e.target.value })} aria-invalid={!!errors.body} maxLength={4000} />
        {errors.body && <ValidationMessage>{errors.body}</ValidationMessage>}
      </Field>
      {/* A field people never see or reach; automatic senders fill it in. */}
      <div className="cmp-hp" aria-hidden="true">
        <label htmlFor={`${prefix}-website`}>Website</label>
        <input id={`${prefix}-website`} name="website" type="text" tabIndex={-1} autoComplete="off" value={v.website} onChange={(e) => setV({ ...v, website: e.target.value })} />
      </div>
      <Details>
        <Details.Summary>{c.t('campaign.conduct.title')}</Details.Summary>
        <Details.Content>
          <ConductText />
        </Details.Content>
      </Details>
      <Checkbox id={`${prefix}-accept`} label={c.t('campaign.post.accept')} checked={v.accepted} onChange={(e) => setV({ ...v, accepted: e.target.checked })} error={errors.acceptedConduct} />
      <div className="cmp-buttons">
        <Button type="submit" loading={send.isPending}>
          {parentId ? c.t('campaign.post.sendReply') : c.t('campaign.post.send')}
        </Button>
      </div>
    </form>
  );
}

export function ThemePage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const c = useCmp();
  const [page, setPage] = useState(1);
  const [replyTo, setReplyTo] = useState<string | null>(null);
  const q = useQuery({ queryKey: campaignKeys.theme(id, page), queryFn: () => api<ThemeThreads>(`/public/campaign/themes/${id}`, { query: { limit: PAGE, offset: (page - 1) * PAGE } }) });
  useEffect(() => setReplyTo(null), [page]);
  if (q.isPending) return <Loading />;
  if (q.isError) return <QueryError error={q.error} />;
  const { theme, threads, total } = q.data;
  return (
    <div className="cmp-page">
      <PageHeading>{c.title(theme)}</PageHeading>
      <Paragraph>{c.text(theme)}</Paragraph>
      <Paragraph>
        <AppLink to="/public/campaign">{c.t('campaign.nav.back')}</AppLink>
      </Paragraph>
      <section aria-labelledby="cmp-threads">
        <Heading level={2} data-size="sm" id="cmp-threads">
          {c.t('campaign.threads.title', { n: c.n(total) })}
        </Heading>
        {threads.length === 0 ? (
          <Paragraph>{c.t('campaign.threads.empty')}</Paragraph>
        ) : (
          <ul className="cmp-list">
            {threads.map((th) => (
              <li key={th.id} className="cmp-card">
                <article aria-labelledby={`cmp-t-${th.id}`}>
                  <Heading level={3} data-size="xs" id={`cmp-t-${th.id}`}>
                    {th.title}
                  </Heading>
                  <PostBody post={th} />
                  {th.replies.length > 0 && (
                    <ul className="cmp-replies" aria-label={c.t('campaign.threads.replies', { n: th.replies.length })}>
                      {th.replies.map((r) => (
                        <li key={r.id}>
                          <PostBody post={r} />
                        </li>
                      ))}
                    </ul>
                  )}
                  {theme.open &&
                    (replyTo === th.id ? (
                      <PostForm theme={theme} parentId={th.id} />
                    ) : (
                      <Button variant="secondary" data-size="sm" onClick={() => setReplyTo(th.id)}>
                        {c.t('campaign.post.replyTo', { title: th.title })}
                      </Button>
                    ))}
                </article>
              </li>
            ))}
          </ul>
        )}
        {total > PAGE && <Pager page={page} total={total} pageSize={PAGE} onChange={setPage} />}
      </section>
      <section className="cmp-card">
        <PostForm theme={theme} />
      </section>
    </div>
  );
}
