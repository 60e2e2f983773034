import { useEffect, useState, type FormEvent } from 'react';
import { Button, Field, Label, Paragraph, Search, Select, Table, Tag } from '@digdir/designsystemet-react';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { can, useSession } from '../app/auth';
import { useFormat } from '../app/format';
import { PageHeading } from '../app/ui/PageHeading';
import { Pager } from '../app/ui/Pager';
import { Loading, QueryError } from '../app/ui/Status';
import { AppLink } from '../app/ui/AppLink';
import { PAGE_SIZE, useOrganisations } from './queries';
import { ORGANISATION_KINDS } from './types';

/** The register of local businesses and other organisations: search, filter, page. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const search = useSearch({ from: '/signed-in/organisations' });
  const navigate = useNavigate({ from: '/organisations' });
  const { user } = useSession();
  const [q, setQ] = useState(search.q ?? '');
  useEffect(() => setQ(search.q ?? ''), [search.q]);
  const page = search.page ?? 1;
  const list = useOrganisations({ q: search.q, kind: search.kind, page });
  const editor = can.editDomain(user, 'organisations');

  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    void navigate({ search: (s) => ({ ...s, q: q.trim() || undefined, page: undefined }) });
  };

  return (
    <>
      <PageHeading>{t('domains.organisations.name')}</PageHeading>
      <Paragraph className="lead">{t('organisations.intro')}</Paragraph>
      {editor && (
        <div className="actions">
          <Button asChild variant="primary">
            <Link to="/organisations/new">{t('organisations.new')}</Link>
          </Button>
          <Button asChild variant="secondary">
            <Link to="/organisations/import">{t('organisations.import.title')}</Link>
          </Button>
        </div>
      )}
      <form role="search" className="toolbar" onSubmit={onSearch} aria-label={t('organisations.searchLabel')}>
        <Field>
          <Label htmlFor="org-search">{t('organisations.search')}</Label>
          <Field.Description>{t('organisations.searchHelp')}</Field.Description>
          <Search>
            <Search.Input id="org-search" name="q" value={q} onChange={(e) => setQ(e.target.value)} />
            <Search.Clear
              type="button"
              aria-label={t('common.clearSearch')}
              onClick={() => {
                setQ('');
                void navigate({ search: (s) => ({ ...s, q: undefined, page: undefined }) });
              }}
            />
          </Search>
        </Field>
        <Field className="narrow">
          <Label htmlFor="org-kind">{t('organisations.fields.kind')}</Label>
          <Select
            id="org-kind"
            value={search.kind ?? ''}
            onChange={(e) => void navigate({ search: (s) => ({ ...s, kind: e.target.value || undefined, page: undefined }) })}
          >
            <Select.Option value="">{t('organisations.allKinds')}</Select.Option>
            {ORGANISATION_KINDS.map((k) => (
              <Select.Option key={k} value={k}>
                {t(`organisations.kinds.${k}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Button type="submit" variant="secondary">
          {t('common.search')}
        </Button>
      </form>

      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} />
      ) : (
        <>
          <Paragraph className="result-count" role="status">
            {t('organisations.count', { count: list.data.total, formatted: f.number(list.data.total) })}
          </Paragraph>
          {list.data.items.length > 0 && (
            <div className="table-wrap">
              <Table zebra border data-size="sm">
                <caption className="ds-sr-only">{t('organisations.tableCaption')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('organisations.fields.name')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('organisations.fields.orgNumber')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('organisations.fields.kind')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('organisations.fields.place')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('organisations.fields.industryCode')}</Table.HeaderCell>
                    <Table.HeaderCell className="num">{t('organisations.fields.employees')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {list.data.items.map((o) => (
                    <Table.Row key={o.id}>
                      <Table.Cell>
                        <AppLink to="/organisations/$id" params={{ id: o.id }}>
                          {o.name}
                        </AppLink>
                      </Table.Cell>
                      <Table.Cell className="nowrap">{f.orgNumber(o.orgNumber)}</Table.Cell>
                      <Table.Cell>
                        <Tag data-color="neutral" data-size="sm">
                          {t(`organisations.kinds.${o.kind}`, { defaultValue: o.kind })}
                        </Tag>
                      </Table.Cell>
                      <Table.Cell>{o.place ?? '–'}</Table.Cell>
                      <Table.Cell>{o.industryCode ?? '–'}</Table.Cell>
                      <Table.Cell className="num">{f.number(o.employees)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
          <Pager page={page} total={list.data.total} pageSize={PAGE_SIZE} onChange={(p) => void navigate({ search: (s) => ({ ...s, page: p > 1 ? p : undefined }) })} />
        </>
      )}
    </>
  );
}
