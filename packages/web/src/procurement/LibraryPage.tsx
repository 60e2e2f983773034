import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Field, Heading, Label, Paragraph, Select, Table, Textarea, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../app/api';
import { can, useSession } from '../app/auth';
import { PageHeading } from '../app/ui/PageHeading';
import { AppLink } from '../app/ui/AppLink';
import { Loading, QueryError, useErrorMessage } from '../app/ui/Status';
import { prKeys, useLibrary } from './queries';
import type { LibraryCriterion } from './types';
import './procurement.css';

const GROUPS = ['vehicles', 'food', 'furniture', 'ict', 'cleaning', 'construction', 'office_supplies', 'textiles', 'energy', 'general'];
const TYPES = ['qualification', 'specification', 'award', 'contract_condition'];
const EMPTY: Omit<LibraryCriterion, 'id'> = { key: '', productGroup: 'vehicles', type: 'specification', level: 'basic', title: '', text: '', documentation: '', verification: '', cpv: [], active: true };

/** The criteria library per product group; procurement editors add and edit criteria. */
export function LibraryPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const editor = can.editDomain(user, 'procurement');
  const library = useLibrary();
  const [group, setGroup] = useState('vehicles');
  const [editing, setEditing] = useState<LibraryCriterion | 'new' | null>(null);
  const rows = library.data?.filter((c) => c.productGroup === group) ?? [];
  return (
    <>
      <PageHeading>{t('procurement.library.title')}</PageHeading>
      <Paragraph className="lead">{t('procurement.library.intro')}</Paragraph>
      <Paragraph>
        <AppLink to="/procurement">{t('procurement.back')}</AppLink>
      </Paragraph>
      <div className="pr-actions">
        <Field>
          <Label>{t('procurement.fields.productGroup')}</Label>
          <Select value={group} onChange={(e) => setGroup(e.target.value)}>
            {GROUPS.map((g) => (
              <Select.Option key={g} value={g}>
                {t(`procurement.groups.${g}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        {editor && (
          <Button variant="secondary" onClick={() => setEditing('new')}>
            {t('procurement.library.new')}
          </Button>
        )}
      </div>
      {editing && <CriterionForm initial={editing === 'new' ? { ...EMPTY, productGroup: group } : editing} id={editing === 'new' ? null : editing.id} onDone={() => setEditing(null)} />}
      {library.isPending ? (
        <Loading />
      ) : library.isError ? (
        <QueryError error={library.error} />
      ) : rows.length === 0 ? (
        <Paragraph>{t('procurement.library.empty')}</Paragraph>
      ) : (
        <div className="pr-scroll" tabIndex={0} role="region" aria-label={t('procurement.library.caption', { group: t(`procurement.groups.${group}`) })}>
          <Table className="pr-table" data-size="sm">
            <caption>{t('procurement.library.caption', { group: t(`procurement.groups.${group}`) })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('procurement.library.criterion')}</Table.HeaderCell>
                <Table.HeaderCell>{t('procurement.library.type')}</Table.HeaderCell>
                <Table.HeaderCell>{t('procurement.library.documentation')}</Table.HeaderCell>
                <Table.HeaderCell>{t('procurement.library.verification')}</Table.HeaderCell>
                <Table.HeaderCell>CPV</Table.HeaderCell>
                {editor && <Table.HeaderCell>{t('procurement.followUp.action')}</Table.HeaderCell>}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((c) => (
                <Table.Row key={c.id}>
                  <Table.HeaderCell scope="row">
                    {c.title}
                    {!c.active && ` (${t('procurement.library.inactive')})`}
                    <br />
                    <span className="pr-muted">{c.text}</span>
                  </Table.HeaderCell>
                  <Table.Cell>
                    {t(`procurement.types.${c.type}`)}, {t(`procurement.levels.${c.level}`)}
                  </Table.Cell>
                  <Table.Cell>{c.documentation}</Table.Cell>
                  <Table.Cell>{c.verification}</Table.Cell>
                  <Table.Cell>{c.cpv.join(', ')}</Table.Cell>
                  {editor && (
                    <Table.Cell>
                      <Button data-size="sm" variant="tertiary" onClick={() => setEditing(c)}>
                        {t('procurement.library.edit', { title: c.title })}
                      </Button>
                    </Table.Cell>
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </>
  );
}

function CriterionForm({ initial, id, onDone }: { initial: Omit<LibraryCriterion, 'id'>; id: string | null; onDone: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const [v, setV] = useState({ ...initial, cpvText: initial.cpv.join(', ') });
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }));
  const save = useMutation({
    mutationFn: () => {
      const { cpvText, ...rest } = v;
      const body = { key: rest.key, productGroup: rest.productGroup, type: rest.type, level: rest.level, title: rest.title, text: rest.text, documentation: rest.documentation, verification: rest.verification, active: rest.active, cpv: cpvText.split(/[,\s]+/).filter(Boolean) };
      return id ? api(`/procurement/library/${encodeURIComponent(id)}`, { method: 'PUT', body }) : api('/procurement/library', { method: 'POST', body });
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: prKeys.library() });
      onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate className="pr-card" aria-labelledby="pr-crit-form">
      <Heading level={2} data-size="sm" id="pr-crit-form">
        {id ? t('procurement.library.editTitle', { title: initial.title }) : t('procurement.library.new')}
      </Heading>
      <div className="pr-grid">
        {!id && <Textfield label={t('procurement.library.key')} description={t('procurement.library.keyHelp')} value={v.key} onChange={set('key')} />}
        <Field>
          <Label>{t('procurement.fields.productGroup')}</Label>
          <Select value={v.productGroup} onChange={set('productGroup')}>
            {GROUPS.map((g) => (
              <Select.Option key={g} value={g}>
                {t(`procurement.groups.${g}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label>{t('procurement.library.type')}</Label>
          <Select value={v.type} onChange={set('type')}>
            {TYPES.map((x) => (
              <Select.Option key={x} value={x}>
                {t(`procurement.types.${x}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label>{t('procurement.library.level')}</Label>
          <Select value={v.level} onChange={set('level')}>
            <Select.Option value="basic">{t('procurement.levels.basic')}</Select.Option>
            <Select.Option value="advanced">{t('procurement.levels.advanced')}</Select.Option>
          </Select>
        </Field>
        <Textfield label={t('procurement.library.criterion')} value={v.title} onChange={set('title')} />
        <Textfield label="CPV" description={t('procurement.library.cpvHelp')} value={v.cpvText} onChange={set('cpvText')} />
      </div>
      <Field>
        <Label>{t('procurement.library.text')}</Label>
        <Textarea rows={3} value={v.text} onChange={set('text')} />
      </Field>
      <Field>
        <Label>{t('procurement.library.documentation')}</Label>
        <Textarea rows={2} value={v.documentation} onChange={set('documentation')} />
      </Field>
      <Field>
        <Label>{t('procurement.library.verification')}</Label>
        <Textarea rows={2} value={v.verification} onChange={set('verification')} />
      </Field>
      <Checkbox label={t('procurement.library.active')} checked={v.active} onChange={(e) => setV((x) => ({ ...x, active: e.target.checked }))} />
      <div aria-live="polite">
        {save.isError && (
          <Alert data-color="danger">
            <Paragraph>{message(save.error)}</Paragraph>
            {save.error instanceof ApiError && (
              <ul className="pr-list">
                {save.error.details.map((d, i) => (
                  <li key={i}>{d.message}</li>
                ))}
              </ul>
            )}
          </Alert>
        )}
      </div>
      <div className="pr-actions">
        <Button type="submit" disabled={save.isPending}>
          {t('procurement.library.save')}
        </Button>
        <Button type="button" variant="tertiary" onClick={onDone}>
          {t('procurement.library.cancel')}
        </Button>
      </div>
    </form>
  );
}
