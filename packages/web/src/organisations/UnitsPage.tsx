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

/** Ids of the nodes that have children (the ones that can be expanded). */
const withChildren = (nodes: UnitNode[]): string[] => nodes.flatMap((n) => (n.children.length ? [n.unit.id, ...withChildren(n.children)] : []));
const roots = (nodes: UnitNode[]) => new Set(nodes.map((n) => n.unit.id));

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
  const tree = useMemo(() => buildUnitTree(units.data ?? [], i18n.language), [units.data, i18n.language]);
  const shown = useMemo(() => filterUnitTree(tree, search.q ?? ''), [tree, search.q]);
  const filtering = !!search.q;
  // Which nodes are expanded; null means the default (sectors open, or everything when filtering).
  const [expanded, setExpanded] = useState<Set<string> | null>(null);
  useEffect(() => setExpanded(null), [search.q]);
  const parents = useMemo(() => withChildren(shown), [shown]);
  const isOpen = (n: UnitNode, level: number) => (expanded ? expanded.has(n.unit.id) : filtering || level === 0);
  const toggle = (n: UnitNode, level: number) =>
    setExpanded((cur) => {
      const next = new Set(cur ?? parents.filter((p) => filtering || roots(shown).has(p)));
      if (isOpen(n, level)) next.delete(n.unit.id);
      else next.add(n.unit.id);
      return next;
    });

  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    void navigate({ search: { q: q.trim() || undefined }, replace: true });
  };

  const renderNode = (n: UnitNode, level: number) => {
    const open = n.children.length > 0 && isOpen(n, level);
    const listId = `unit-children-${n.unit.id}`;
    return (
      <li key={n.unit.id}>
        <div className="unit-row">
          {n.children.length > 0 ? (
            <button type="button" className="unit-toggle" aria-expanded={open} aria-controls={listId} onClick={() => toggle(n, level)}>
              <span aria-hidden="true" className="unit-toggle__icon" />
              <span className="ds-sr-only">{t('units.toggle', { name: n.unit.name, count: n.children.length })}</span>
            </button>
          ) : (
            <span className="unit-toggle-spacer" aria-hidden="true" />
          )}
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
        </div>
        {n.children.length > 0 && (
          <ul id={listId} hidden={!open}>
            {n.children.map((c) => renderNode(c, level + 1))}
          </ul>
        )}
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
        <Button type="button" variant="tertiary" onClick={() => setExpanded(new Set(parents.map((p) => p)))}>
          {t('units.expandAll')}
        </Button>
        <Button type="button" variant="tertiary" onClick={() => setExpanded(new Set())}>
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
