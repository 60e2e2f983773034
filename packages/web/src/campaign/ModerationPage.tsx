// The moderator queue: posts held for approval and reported posts, oldest first. Approve, hide
// (with a reason), restore or dismiss the reports; every action is audited on the server.
import { useState } from 'react';
import { Alert, Button, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, type Paged } from '../app/api';
import { PageHeading } from '../app/ui/PageHeading';
import { AppLink } from '../app/ui/AppLink';
import { Pager } from '../app/ui/Pager';
import { Loading, QueryError, useErrorMessage } from '../app/ui/Status';
import { campaignKeys, PAGE, useCmp, type QueueItem } from './shared';
import './campaign.css';

function QueueEntry({ item }: { item: QueueItem }) {
  const c = useCmp();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const act = useMutation({
    mutationFn: (action: string) => api<{ status: string }>(`/campaign/posts/${item.post.id}/moderation`, { method: 'POST', body: { action, reason: reason.trim() || null } }),
    onSuccess: (r, action) => {
      setError(undefined);
      setDone(c.t(`campaign.moderation.done.${action}`));
      // The entry stays with its outcome until the page is reloaded; public lists refresh now.
      void qc.invalidateQueries({ queryKey: campaignKeys.themes });
      return r;
    },
    onError: (e) => setError(e instanceof ApiError ? (e.fieldErrors().reason ?? message(e)) : message(e)),
  });
  const p = item.post;
  const id = `cmp-mod-${p.id}`;
  return (
    <li className="cmp-card">
      <article aria-labelledby={`${id}-h`}>
        <Heading level={2} data-size="xs" id={`${id}-h`}>
          {p.threadTitle ?? c.t('campaign.moderation.untitled')}
        </Heading>
        <div className="cmp-tags">
          <Tag data-size="sm" data-color="neutral">
            {p.themeTitle}
          </Tag>
          <Tag data-size="sm" data-color={p.status === 'pending' ? 'info' : p.status === 'hidden' ? 'warning' : 'success'}>
            {c.t(`campaign.statuses.${p.status}`)}
          </Tag>
          {p.parentId && (
            <Tag data-size="sm" data-color="neutral">
              {c.t('campaign.moderation.reply')}
            </Tag>
          )}
        </div>
        <p className="cmp-meta">
          <strong>{p.displayName}</strong> <time dateTime={p.createdAt}>{c.dateTime(p.createdAt)}</time>
        </p>
        <blockquote className="cmp-body cmp-quote">{p.body}</blockquote>
        {item.reports.length > 0 && (
          <>
            <Heading level={3} data-size="2xs">
              {c.t('campaign.moderation.reports', { n: item.reports.length })}
            </Heading>
            <ul>
              {item.reports.map((r) => (
                <li key={r.id}>
                  {c.t(`campaign.reasons.${r.reason}`, { defaultValue: r.reason })}
                  {r.note ? `: «${r.note}»` : ''} ({c.dateTime(r.createdAt)})
                </li>
              ))}
            </ul>
          </>
        )}
        {done ? (
          <Alert data-color="success" role="status">
            {done}
          </Alert>
        ) : (
          <>
            <Textfield id={`${id}-reason`} label={c.t('campaign.moderation.reason')} description={c.t('campaign.moderation.reasonHelp')} value={reason} onChange={(e) => setReason(e.target.value)} error={error} maxLength={500} />
            <div className="cmp-buttons">
              {p.status === 'pending' && (
                <Button data-size="sm" onClick={() => act.mutate('approve')} disabled={act.isPending}>
                  {c.t('campaign.moderation.approve')}
                </Button>
              )}
              {p.status === 'visible' && item.reports.length > 0 && (
                <Button data-size="sm" variant="secondary" onClick={() => act.mutate('dismiss')} disabled={act.isPending}>
                  {c.t('campaign.moderation.dismiss')}
                </Button>
              )}
              {p.status === 'hidden' ? (
                <Button data-size="sm" variant="secondary" onClick={() => act.mutate('restore')} disabled={act.isPending}>
                  {c.t('campaign.moderation.restore')}
                </Button>
              ) : (
                <Button data-size="sm" variant="secondary" data-color="danger" onClick={() => act.mutate('hide')} disabled={act.isPending}>
                  {c.t('campaign.moderation.hide')}
                </Button>
              )}
            </div>
          </>
        )}
      </article>
    </li>
  );
}

export function ModerationPage() {
  const c = useCmp();
  const [page, setPage] = useState(1);
  const q = useQuery({ queryKey: campaignKeys.queue(page), queryFn: () => api<Paged<QueueItem>>('/campaign/moderation', { query: { limit: PAGE, offset: (page - 1) * PAGE } }) });
  return (
    <div className="cmp-page">
      <PageHeading>{c.t('campaign.moderation.title')}</PageHeading>
      <Paragraph>{c.t('campaign.moderation.intro')}</Paragraph>
      <Paragraph>
        <AppLink to="/campaign">{c.t('campaign.nav.back')}</AppLink>
      </Paragraph>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <QueryError error={q.error} />
      ) : q.data.items.length === 0 ? (
        <Paragraph>{c.t('campaign.moderation.empty')}</Paragraph>
      ) : (
        <>
          <Paragraph>{c.t('campaign.moderation.count', { n: c.n(q.data.total) })}</Paragraph>
          <ul className="cmp-list">
            {q.data.items.map((item) => (
              <QueueEntry key={item.post.id} item={item} />
            ))}
          </ul>
          {q.data.total > PAGE && <Pager page={page} total={q.data.total} pageSize={PAGE} onChange={setPage} />}
        </>
      )}
    </div>
  );
}
