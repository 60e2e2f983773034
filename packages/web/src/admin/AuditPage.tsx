import { useEffect, useState, type FormEvent } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Field, Label, Link as DsLink, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api, apiUrl, type Paged } from '../app/api';
import { useFormat } from '../app/format';
import { PageHeading } from '../app/ui/PageHeading';
import { Pager } from '../app/ui/Pager';
import { Loading, QueryError } from '../app/ui/Status';
import type { AuditSearch } from '../app/router';
import { diffRows } from './diff';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, type AuditEntry } from './types';

const PAGE_SIZE = 50;

function Changes({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const rows = diffRows(entry.before, entry.after);
  if (!rows.length) return <span className="unit-meta">{t('audit.noChanges')}</span>;
  const changed = rows.filter((r) => r.changed);
  const shown = entry.action === 'update' ? changed : rows;
  return (
    <details className="audit-details">
      <summary>{entry.action === 'update' ? t('audit.showChanges', { count: changed.length }) : t('audit.showData')}</summary>
      <Table data-size="sm" className="diff">
        <caption className="ds-sr-only">{t('audit.diffCaption', { id: entry.id })}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('audit.field')}</Table.HeaderCell>
            <Table.HeaderCell>{t('audit.before')}</Table.HeaderCell>
            <Table.HeaderCell>{t('audit.after')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {shown.map((r) => (
            <Table.Row key={r.field} className={r.changed && entry.action === 'update' ? 'changed' : undefined}>
              <Table.HeaderCell scope="row">
                <code>{r.field || '–'}</code>
              </Table.HeaderCell>
              <Table.Cell>
                <code>{r.before}</code>
              </Table.Cell>
              <Table.Cell>
                <code>{r.after}</code>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </details>
  );
}

/** The audit log (admins): filters, pages, each entry's before/after, and a CSV export. */
export function AuditPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const search = useSearch({ from: '/admin/admin/audit' });
  const navigate = useNavigate({ from: '/admin/audit' });
  const page = search.page ?? 1;
  const [draft, setDraft] = useState<AuditSearch>(search);
  useEffect(() => setDraft(search), [search]);
  const filters = { entityType: search.entityType, action: search.action, q: search.q, from: search.from, to: search.to };
  const log = useQuery({
    queryKey: ['audit', filters, page],
    queryFn: ({ signal }) => api<Paged<AuditEntry>>('/audit', { query: { ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
  });

  const onFilter = (e: FormEvent) => {
    e.preventDefault();
    const clean = (s?: string) => (s && s.trim() ? s.trim() : undefined);
    void navigate({ search: { entityType: clean(draft.entityType), action: clean(draft.action), q: clean(draft.q), from: clean(draft.from), to: clean(draft.to) } });
  };
  const set = (k: keyof AuditSearch) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }));

  return (
    <>
      <PageHeading>{t('audit.title')}</PageHeading>
      <Paragraph className="lead">{t('audit.intro')}</Paragraph>
      <form className="toolbar" onSubmit={onFilter} aria-label={t('audit.filterLabel')}>
        <Field className="narrow">
          <Label htmlFor="audit-entityType">{t('audit.entityType')}</Label>
          <Select id="audit-entityType" value={draft.entityType ?? ''} onChange={set('entityType')}>
            <Select.Option value="">{t('audit.all')}</Select.Option>
            {AUDIT_ENTITY_TYPES.map((k) => (
              <Select.Option key={k} value={k}>
                {t(`audit.entityTypes.${k}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field className="narrow">
          <Label htmlFor="audit-action">{t('audit.action')}</Label>
          <Select id="audit-action" value={draft.action ?? ''} onChange={set('action')}>
            <Select.Option value="">{t('audit.all')}</Select.Option>
            {AUDIT_ACTIONS.map((k) => (
              <Select.Option key={k} value={k}>
                {t(`audit.actions.${k}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield id="audit-q" label={t('audit.q')} type="search" value={draft.q ?? ''} onChange={set('q')} />
        <Textfield id="audit-from" className="narrow" label={t('audit.from')} type="date" value={draft.from ?? ''} onChange={set('from')} />
        <Textfield id="audit-to" className="narrow" label={t('audit.to')} type="date" value={draft.to ?? ''} onChange={set('to')} />
        <Button type="submit" variant="secondary">
          {t('audit.apply')}
        </Button>
      </form>
      <div className="actions">
        <DsLink href={apiUrl('/audit/export.csv', filters)} download>
          {t('audit.export')}
        </DsLink>
      </div>
      {log.isPending ? (
        <Loading />
      ) : log.isError ? (
        <QueryError error={log.error} />
      ) : (
        <>
          <Paragraph className="result-count" role="status">
            {t('audit.count', { count: log.data.total, formatted: f.number(log.data.total) })}
          </Paragraph>
          {log.data.items.length > 0 && (
            <div className="table-wrap">
              <Table zebra border>
                <caption className="ds-sr-only">{t('audit.tableCaption')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('audit.at')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('audit.actor')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('audit.action')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('audit.entityType')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('audit.summary')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('audit.changes')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {log.data.items.map((e) => (
                    <Table.Row key={e.id}>
                      <Table.Cell className="nowrap">{f.dateTime(e.at)}</Table.Cell>
                      <Table.Cell>{e.actorLabel}</Table.Cell>
                      <Table.Cell>{t(`audit.actions.${e.action}`, { defaultValue: e.action })}</Table.Cell>
                      <Table.Cell>{t(`audit.entityTypes.${e.entityType}`, { defaultValue: e.entityType })}</Table.Cell>
                      <Table.Cell>{e.summary ?? '–'}</Table.Cell>
                      <Table.Cell>
                        <Changes entry={e} />
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
          <Pager page={page} total={log.data.total} pageSize={PAGE_SIZE} onChange={(p) => void navigate({ search: (s) => ({ ...s, page: p > 1 ? p : undefined }) })} />
        </>
      )}
    </>
  );
}
