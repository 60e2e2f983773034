import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api, type Paged } from '../app/api';
import { useFormat } from '../app/format';
import { PageHeading } from '../app/ui/PageHeading';
import { Pager } from '../app/ui/Pager';
import { Loading, QueryError } from '../app/ui/Status';
import { AppLink } from '../app/ui/AppLink';
import { useOrganisation, useUnits } from '../organisations/queries';
import type { User } from './types';

const PAGE_SIZE = 25;
export const userKeys = { all: ['users'] as const, list: (q?: string, page?: number) => ['users', 'list', q, page] as const, one: (id: string) => ['users', 'one', id] as const };

function OrganisationName({ id }: { id: string }) {
  const org = useOrganisation(id);
  return <>{org.data?.name ?? '…'}</>;
}

/** Users and their roles (admins only). */
export function UsersPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const search = useSearch({ from: '/admin/admin/users' });
  const navigate = useNavigate({ from: '/admin/users' });
  const page = search.page ?? 1;
  const [q, setQ] = useState(search.q ?? '');
  useEffect(() => setQ(search.q ?? ''), [search.q]);
  const users = useQuery({
    queryKey: userKeys.list(search.q, page),
    queryFn: ({ signal }) => api<Paged<User>>('/users', { query: { q: search.q, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
  });
  const units = useUnits();
  const unitName = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u.name])), [units.data]);

  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    void navigate({ search: { q: q.trim() || undefined } });
  };

  const scope = (u: User) => {
    if (u.role === 'editor') return u.domains.map((d) => t(`domains.${d}.name`, { defaultValue: d })).join(', ') || '–';
    if (u.role === 'unit_manager') return u.unitId ? (unitName.get(u.unitId) ?? '…') : '–';
    if (u.role === 'business') return u.organisationId ? <OrganisationName id={u.organisationId} /> : '–';
    return t('users.scopeAll');
  };

  return (
    <>
      <PageHeading>{t('users.title')}</PageHeading>
      <Paragraph className="lead">{t('users.intro')}</Paragraph>
      <div className="actions">
        <Button asChild>
          <Link to="/admin/users/new">{t('users.new')}</Link>
        </Button>
      </div>
      <form role="search" className="toolbar" onSubmit={onSearch} aria-label={t('users.searchLabel')}>
        <Textfield id="user-search" label={t('users.search')} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        <Button type="submit" variant="secondary">
          {t('common.search')}
        </Button>
      </form>
      {users.isPending ? (
        <Loading />
      ) : users.isError ? (
        <QueryError error={users.error} />
      ) : (
        <>
          <Paragraph className="result-count" role="status">
            {t('users.count', { count: users.data.total, formatted: f.number(users.data.total) })}
          </Paragraph>
          {users.data.items.length > 0 && (
            <div className="table-wrap">
              <Table zebra border data-size="sm">
                <caption className="ds-sr-only">{t('users.tableCaption')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('users.fields.name')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('users.fields.email')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('users.fields.role')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('users.scope')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('users.status')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('users.lastLogin')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {users.data.items.map((u) => (
                    <Table.Row key={u.id}>
                      <Table.Cell>
                        <AppLink to="/admin/users/$id" params={{ id: u.id }}>
                          {u.name}
                        </AppLink>
                      </Table.Cell>
                      <Table.Cell>{u.email}</Table.Cell>
                      <Table.Cell>{t(`roles.${u.role}`, { defaultValue: u.role })}</Table.Cell>
                      <Table.Cell>{scope(u)}</Table.Cell>
                      <Table.Cell>
                        <Tag data-color={u.active ? 'success' : 'neutral'} data-size="sm">
                          {u.active ? t('users.active') : t('users.inactive')}
                        </Tag>
                      </Table.Cell>
                      <Table.Cell className="nowrap">{u.lastLoginAt ? f.dateTime(u.lastLoginAt) : t('users.never')}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
          <Pager page={page} total={users.data.total} pageSize={PAGE_SIZE} onChange={(p) => void navigate({ search: (s) => ({ ...s, page: p > 1 ? p : undefined }) })} />
        </>
      )}
    </>
  );
}
