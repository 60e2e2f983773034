import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Button, Field, Label, Paragraph, Search, Select, Table } from '@digdir/designsystemet-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../app/api';
import { useFormat } from '../app/format';
import { PageHeading } from '../app/ui/PageHeading';
import { Pager } from '../app/ui/Pager';
import { Loading, QueryError } from '../app/ui/Status';
import { AppLink } from '../app/ui/AppLink';
import { REGISTER_PAGE_SIZE, registerQuery, useAllUnits, useRegister, useSchemes, type RegisterParams } from './queries';
import { SubNav } from './SubNav';
import { StatusTag } from './StatusTag';
import { STATUSES } from './types';

type SortKey = 'name' | 'sector' | 'place' | 'staff' | 'status' | 'scheme' | 'validUntil';

/** The register: every unit with its status today; search, filter, sort, page and export. */
export function RegisterPage() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const search = useSearch({ from: '/signed-in/certification/register' }) as RegisterParams;
  const navigate = useNavigate({ from: '/certification/register' });
  const [q, setQ] = useState(search.q ?? '');
  useEffect(() => setQ(search.q ?? ''), [search.q]);
  const page = search.page ?? 1;
  const list = useRegister(search);
  const schemes = useSchemes();
  const all = useAllUnits();
  const sectors = useMemo(() => (all.data?.items ?? []).filter((u) => u.kind === 'sector').sort((a, b) => a.name.localeCompare(b.name, 'nb')), [all.data]);
  const set = (patch: Partial<RegisterParams>) => void navigate({ search: (s: RegisterParams) => ({ ...s, ...patch, page: undefined }) as never });
  const lang = i18n.language === 'en' ? 'en' : 'nb';

  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    set({ q: q.trim() || undefined });
  };

  const sortHeader = (key: SortKey, label: string, className?: string) => {
    const active = (search.sort ?? 'name') === key;
    const dir = active ? (search.dir ?? 'asc') : undefined;
    // Designsystemet draws the sort button and its icon from aria-sort; the click bubbles from the button.
    return (
      <Table.HeaderCell className={className} sort={active ? (dir === 'desc' ? 'descending' : 'ascending') : 'none'} onClick={() => set({ sort: key === 'name' ? undefined : key, dir: active && dir === 'asc' ? 'desc' : undefined })}>
        {label}
      </Table.HeaderCell>
    );
  };

  return (
    <>
      <PageHeading>{t('certification.register.title')}</PageHeading>
      <Paragraph className="lead">{t('certification.register.intro')}</Paragraph>
      <SubNav />
      <form role="search" className="toolbar" onSubmit={onSearch} aria-label={t('certification.register.searchLabel')}>
        <Field>
          <Label htmlFor="cert-search">{t('certification.register.search')}</Label>
          <Search>
            <Search.Input id="cert-search" name="q" value={q} onChange={(e) => setQ(e.target.value)} />
            <Search.Clear
              type="button"
              aria-label={t('common.clearSearch')}
              onClick={() => {
                setQ('');
                set({ q: undefined });
              }}
            />
          </Search>
        </Field>
        <Field>
          <Label htmlFor="cert-status">{t('certification.fields.status')}</Label>
          <Select id="cert-status" value={search.status ?? ''} onChange={(e) => set({ status: e.target.value || undefined })}>
            <Select.Option value="">{t('certification.register.allStatuses')}</Select.Option>
            {STATUSES.map((s) => (
              <Select.Option key={s} value={s}>
                {t(`certification.status.${s}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field className="narrow">
          <Label htmlFor="cert-scheme">{t('certification.fields.scheme')}</Label>
          <Select id="cert-scheme" value={search.scheme ?? ''} onChange={(e) => set({ scheme: e.target.value || undefined })}>
            <Select.Option value="">{t('certification.register.allSchemes')}</Select.Option>
            {(schemes.data ?? []).map((s) => (
              <Select.Option key={s.key} value={s.key}>
                {s.name[lang]}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field className="narrow">
          <Label htmlFor="cert-sector">{t('certification.fields.sector')}</Label>
          <Select id="cert-sector" value={search.sector ?? ''} onChange={(e) => set({ sector: e.target.value || undefined })}>
            <Select.Option value="">{t('certification.register.allSectors')}</Select.Option>
            {sectors.map((s) => (
              <Select.Option key={s.unitId} value={s.unitId}>
                {s.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Button type="submit" variant="secondary">
          {t('common.search')}
        </Button>
      </form>
      <div className="actions">
        <Button asChild variant="secondary" data-size="sm">
          <a href={apiUrl('/certification/register/export', { ...registerQuery(search), format: 'csv', lang })} download>
            {t('certification.register.exportCsv')}
          </a>
        </Button>
        <Button asChild variant="secondary" data-size="sm">
          <a href={apiUrl('/certification/register/export', { ...registerQuery(search), format: 'xlsx', lang })} download>
            {t('certification.register.exportXlsx')}
          </a>
        </Button>
      </div>

      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} />
      ) : (
        <>
          <Paragraph className="result-count" role="status">
            {t('certification.register.count', { count: list.data.total, formatted: f.number(list.data.total), date: f.date(list.data.date) })}
          </Paragraph>
          {list.data.items.length > 0 && (
            <div className="table-wrap">
              <Table zebra border data-size="sm">
                <caption className="ds-sr-only">{t('certification.register.caption')}</caption>
                <Table.Head>
                  <Table.Row>
                    {sortHeader('name', t('certification.fields.unit'))}
                    {sortHeader('sector', t('certification.fields.sector'))}
                    {sortHeader('place', t('certification.fields.place'))}
                    {sortHeader('staff', t('certification.fields.staff'), 'num')}
                    {sortHeader('status', t('certification.fields.status'))}
                    {sortHeader('scheme', t('certification.fields.scheme'))}
                    {sortHeader('validUntil', t('certification.fields.validUntil'))}
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {list.data.items.map((u) => (
                    <Table.Row key={u.unitId}>
                      <Table.Cell>
                        <AppLink to="/certification/units/$id" params={{ id: u.unitId }}>
                          {u.name}
                        </AppLink>
                      </Table.Cell>
                      <Table.Cell>{u.sectorName}</Table.Cell>
                      <Table.Cell>{u.place ?? '–'}</Table.Cell>
                      <Table.Cell className="num">{f.number(u.staff)}</Table.Cell>
                      <Table.Cell>
                        <StatusTag status={u.status} />
                      </Table.Cell>
                      <Table.Cell>
                        {u.schemeName ?? '–'}
                        {u.viaScope && u.holderName && <div className="cert-figure__detail">{t('certification.register.via', { holder: u.holderName })}</div>}
                      </Table.Cell>
                      <Table.Cell className="nowrap">{f.date(u.validUntil)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
          <Pager page={page} total={list.data.total} pageSize={REGISTER_PAGE_SIZE} onChange={(p) => void navigate({ search: (s: RegisterParams) => ({ ...s, page: p > 1 ? p : undefined }) as never })} />
        </>
      )}
    </>
  );
}
