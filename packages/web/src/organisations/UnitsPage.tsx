import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Button, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { can, useSession } from '../app/auth';
import { useFormat } from '../app/format';
import { PageHeading } from '../app/ui/PageHeading';
import { Loading, QueryError } from '../app/ui/Status';
import { AppLink } from '../app/ui/AppLink';
import { useUnits } from './queries';
import { buildUnitTree, countNodes, filterUnitTree, type UnitNode } from './unitTree';

type Mode = 'default' | 'all' | 'none';

/** The municipality's own units as a tree: sector → unit → subunit, with staff counts. */
export function UnitsPage() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const search = useSearch({ from: '/signed-in/units' });
  const navigate = useNavigate({ from: '/units' });
  const units = useUnits();
  const { user } = useSession();
  const [q, setQ] = useState(search.q ?? '');
  useEffect(() => setQ(search.q ?? ''), [search.q]);
  // Expand/collapse all remounts the tree's <details> with a new default.
  const [mode, setMode] = useState<{ mode: Mode; n: number }>({ mode: 'default', n: 0 });
  const tree = useMemo(() => buildUnitTree(units.data ?? [], i18n.language), [units.data, i18n.language]);
  const shown = useMemo(() => filterUnitTree(tree, search.q ?? ''), [tree, search.q]);
  const filtering = !!search.q;

  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    void navigate({ search: { q: q.trim() || undefined }, replace: true });
  };

  const open = (level: number) => (mode.mode === 'all' || filtering ? true : mode.mode === 'none' ? false : level === 0);

  const renderNode = (n: UnitNode, level: number) => {
    const row = (
      <span className="unit-row">
        <AppLink to="/units/$id" params={{ id: n.unit.id }}>
          {n.unit.name}
        </AppLink>
        <Tag data-color="neutral" data-size="sm">
          {t(`units.types.${n.unit.type}`, { defaultValue: n.unit.type })}
        </Tag>
        <span className="unit-meta">
          {t('units.staffCount', { count: n.unit.staff, formatted: f.number(n.unit.staff) })}
          {n.children.length > 0 && ` · ${t('units.staffTotal', { formatted: f.number(n.totalStaff) })}`}
        </span>
      </span>
    );
    if (!n.children.length)
      return (
        <li key={n.unit.id} className="leaf">
          {row}
        </li>
      );
    return (
      <li key={n.unit.id}>
        <details open={open(level)} key={`${mode.n}-${filtering ? search.q : ''}`}>
          <summary>
            {row}
            <span className="ds-sr-only">{t('units.childCount', { count: n.children.length })}</span>
          </summary>
          <ul>{n.children.map((c) => renderNode(c, level + 1))}</ul>
        </details>
      </li>
    );
  };

  return (
    <>
      <PageHeading>{t('units.title')}</PageHeading>
      <Paragraph className="lead">{t('units.intro')}</Paragraph>
      {can.editDomain(user, 'organisations') && (
        <div className="actions">
          <Button asChild variant="secondary">
            <Link to="/units/new">{t('units.new')}</Link>
          </Button>
        </div>
      )}
      <form role="search" className="toolbar" onSubmit={onSearch} aria-label={t('units.searchLabel')}>
        <Textfield id="unit-search" label={t('units.search')} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        <Button type="submit" variant="secondary">
          {t('common.search')}
        </Button>
        <Button type="button" variant="tertiary" onClick={() => setMode((m) => ({ mode: 'all', n: m.n + 1 }))}>
          {t('units.expandAll')}
        </Button>
        <Button type="button" variant="tertiary" onClick={() => setMode((m) => ({ mode: 'none', n: m.n + 1 }))}>
          {t('units.collapseAll')}
        </Button>
      </form>
      {units.isPending ? (
        <Loading />
      ) : units.isError ? (
        <QueryError error={units.error} />
      ) : (
        <>
          <Paragraph className="result-count" role="status">
            {filtering
              ? t('units.matchCount', { count: countNodes(shown), formatted: f.number(countNodes(shown)) })
              : t('units.count', { count: units.data.length, formatted: f.number(units.data.length), staff: f.number(tree.reduce((s, n) => s + n.totalStaff, 0)) })}
          </Paragraph>
          <ul className="unit-tree" aria-label={t('units.treeLabel')}>
            {shown.map((n) => renderNode(n, 0))}
          </ul>
        </>
      )}
    </>
  );
}
