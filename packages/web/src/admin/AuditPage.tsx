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

// Field names of known entity types read as the forms label them; others stay as stored.
const FIELD_LABELS: Record<string, string> = { organisation: 'organisations.fields', org_unit: 'units.fields', user: 'users.fields' };

/** An entry's before/after, side by side; for an update only the fields that changed. */
function Changes({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const ns = FIELD_LABELS[entry.entityType];
  const label = (field: string) => (ns && field ? t(`${ns}.${field}`, { defaultValue: field }) : field || '–');
  const rows = diffRows(entry.before, entry.after);
  const shown = entry.action === 'update' ? rows.filter((r) => r.changed) : rows;
  return (
    <Table data-size="sm" className="diff" border>
      <caption>{t('audit.diffCaption', { summary: entry.summary ?? entry.entityId })}</caption>
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
            <Table.HeaderCell scope="row">{label(r.field)}</Table.HeaderCell>
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
  );
}

/** One entry: a row, and a full-width row below it with the changes when expanded. */
function EntryRows({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [open, setOpen] = useState(false);
  const rows = diffRows(entry.before, entry.after);
  const changed = rows.filter((r) => r.changed).length;
  const id = `audit-changes-${entry.id}`;
  return (
    <>
      <Table.Row>
        <Table.Cell className="nowrap">{f.dateTime(entry.at)}</Table.Cell>
        <Table.Cell>{entry.actorLabel}</Table.Cell>
        <Table.Cell>{t(`audit.actions.${entry.action}`, { defaultValue: entry.action })}</Table.Cell>
        <Table.Cell>{t(`audit.entityTypes.${entry.entityType}`, { defaultValue: entry.entityType })}</Table.Cell>
        <Table.Cell>{entry.summary ?? '–'}</Table.Cell>
        <Table.Cell className="nowrap">
          {rows.length ? (
            <Button variant="tertiary" data-size="sm" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
              {entry.action === 'update' ? t('audit.showChanges', { count: changed }) : t('audit.showData')}
            </Button>
          ) : (
            <span className="unit-meta">{t('audit.noChanges')}</span>
          )}
        </Table.Cell>
      </Table.Row>
      {rows.length > 0 && (
        <Table.Row id={id} hidden={!open} className="diff-row">
          <Table.Cell colSpan={6}>{open && <Changes entry={entry} />}</Table.Cell>
        </Table.Row>
      )}
    </>
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
              <Table border data-size="sm" className="audit-table">
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
                    <EntryRows key={e.id} entry={e} />
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
