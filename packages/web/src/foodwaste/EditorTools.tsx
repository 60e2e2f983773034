import { useState, type FormEvent } from 'react';
import { Alert, Button, Field, Heading, Label, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../app/api';
import { ImportFailure } from '../app/ui/ImportOutcome';
import { useErrorMessage } from '../app/ui/Status';
import { useOrganisations, useUnits } from '../organisations/queries';
import { fwKeys, useListItems, useOptions } from './queries';
import { locate } from './position';
import type { Kitchen, ListItem, ListName } from './types';

/** Food-waste editors: add a kitchen (a unit's or an organisation's) with its baseline period and target. */
export function KitchenForm() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const options = useOptions();
  const units = useUnits();
  const orgs = useOrganisations({ limit: 200 });
  const errorMessage = useErrorMessage();
  const [v, setV] = useState({ name: '', kind: 'nursing_home', owner: '', activityKind: 'portions', baselineFrom: '', baselineTo: '', reduction: '50', targetDate: '2030-12-31', lat: '', lon: '' });
  const [locating, setLocating] = useState<string | null>(null);
  const coordinate = (x: string) => (x.trim() === '' ? null : Number(x.trim().replace(',', '.')));
  const create = useMutation({
    mutationFn: () => {
      const [type, id] = v.owner.split(':');
      return api<Kitchen>('/foodwaste/kitchens', { method: 'POST', body: { name: v.name, kind: v.kind, unitId: type === 'unit' ? id : null, organisationId: type === 'org' ? id : null, activityKind: v.activityKind, baselineFrom: v.baselineFrom || null, baselineTo: v.baselineTo || null, targetReduction: Number(v.reduction.replace(',', '.')) / 100, targetDate: v.targetDate, lat: coordinate(v.lat), lon: coordinate(v.lon) } });
    },
    onSuccess: () => {
      setV((x) => ({ ...x, name: '' }));
      void qc.invalidateQueries({ queryKey: fwKeys.all });
    },
  });
  const fe = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  const set = (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setV((x) => ({ ...x, [k]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <section aria-labelledby="fw-kitchen-form" className="fw-card">
      <Heading level={2} data-size="sm" id="fw-kitchen-form">
        {t('foodwaste.editor.kitchenTitle')}
      </Heading>
      <form className="fw-form" onSubmit={submit} noValidate>
        <Textfield label={t('foodwaste.editor.name')} value={v.name} onChange={set('name')} error={fe.name} />
        <Field>
          <Label>{t('foodwaste.editor.kind')}</Label>
          <Select value={v.kind} onChange={set('kind')}>
            {(options.data?.kitchenKinds ?? []).map((k) => (
              <Select.Option key={k} value={k}>
                {t(`foodwaste.kitchenKinds.${k}`, { defaultValue: k })}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label>{t('foodwaste.editor.owner')}</Label>
          <Select value={v.owner} onChange={set('owner')} aria-invalid={!!(fe.unitId || fe.organisationId)}>
            <Select.Option value="">{t('foodwaste.editor.pickOwner')}</Select.Option>
            <optgroup label={t('foodwaste.editor.units')}>
              {(units.data ?? []).map((u) => (
                <Select.Option key={u.id} value={`unit:${u.id}`}>
                  {u.name}
                </Select.Option>
              ))}
            </optgroup>
            <optgroup label={t('foodwaste.editor.organisations')}>
              {(orgs.data?.items ?? []).map((o) => (
                <Select.Option key={o.id} value={`org:${o.id}`}>
                  {o.name}
                </Select.Option>
              ))}
            </optgroup>
          </Select>
          {(fe.unitId || fe.organisationId) && <Paragraph data-size="sm" className="fw-error">{fe.unitId ?? fe.organisationId}</Paragraph>}
        </Field>
        <Field>
          <Label>{t('foodwaste.editor.activityKind')}</Label>
          <Select value={v.activityKind} onChange={set('activityKind')}>
            {(options.data?.activityKinds ?? []).map((k) => (
              <Select.Option key={k} value={k}>
                {t(`foodwaste.activityKinds.${k}`, { defaultValue: k })}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield type="date" label={t('foodwaste.editor.baselineFrom')} value={v.baselineFrom} onChange={set('baselineFrom')} />
        <Textfield type="date" label={t('foodwaste.editor.baselineTo')} value={v.baselineTo} onChange={set('baselineTo')} error={fe.baselineTo} />
        <Textfield label={t('foodwaste.editor.reduction')} inputMode="decimal" value={v.reduction} onChange={set('reduction')} error={fe.targetReduction} />
        <Textfield type="date" label={t('foodwaste.editor.targetDate')} value={v.targetDate} onChange={set('targetDate')} error={fe.targetDate} />
        <fieldset className="fw-position">
          <legend>{t('foodwaste.editor.position')}</legend>
          <Paragraph data-size="sm">{t('foodwaste.editor.positionHelp')}</Paragraph>
          <Textfield label={t('foodwaste.editor.lat')} inputMode="decimal" value={v.lat} onChange={set('lat')} error={fe.lat} />
          <Textfield label={t('foodwaste.editor.lon')} inputMode="decimal" value={v.lon} onChange={set('lon')} error={fe.lon} />
          <Button
            type="button"
            variant="tertiary"
            onClick={() => {
              setLocating('…');
              locate().then(
                (p) => {
                  setV((x) => ({ ...x, lat: String(p.lat), lon: String(p.lon) }));
                  setLocating(null);
                },
                (e: Error) => setLocating(t(`foodwaste.offers.near.${e.message === 'denied' ? 'denied' : 'unavailable'}`)),
              );
            }}
          >
            {t('foodwaste.editor.useMyPosition')}
          </Button>
          {locating && locating !== '…' && <Paragraph data-size="sm" role="status">{locating}</Paragraph>}
        </fieldset>
        {create.isError && !Object.keys(fe).length && <Alert data-color="danger">{errorMessage(create.error)}</Alert>}
        <div aria-live="polite">{create.isSuccess && <Alert data-color="success">{t('foodwaste.editor.kitchenSaved', { name: create.data.name })}</Alert>}</div>
        <Button type="submit" disabled={create.isPending}>
          {t('foodwaste.editor.addKitchen')}
        </Button>
      </form>
    </section>
  );
}

/** Food-waste editors: import registrations from a scale's CSV/XLSX export; all or nothing, every bad line listed. */
export function ImportForm() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation({
    mutationFn: (f: File) => {
      const fd = new FormData();
      fd.append('file', f, f.name);
      return api<{ file: string; rows: number; created: number; unchanged: number }>('/foodwaste/registrations/import', { method: 'POST', body: fd });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: fwKeys.all }),
  });
  return (
    <section aria-labelledby="fw-import" className="fw-card">
      <Heading level={2} data-size="sm" id="fw-import">
        {t('foodwaste.editor.importTitle')}
      </Heading>
      <Paragraph data-size="sm">{t('foodwaste.editor.importIntro')}</Paragraph>
      <form
        className="fw-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (file) run.mutate(file);
        }}
      >
        <Field>
          <Label htmlFor="fw-import-file">{t('foodwaste.editor.file')}</Label>
          <input id="fw-import-file" className="ds-input" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </Field>
        <Button type="submit" variant="secondary" disabled={!file || run.isPending}>
          {t('foodwaste.editor.import')}
        </Button>
      </form>
      <div aria-live="polite">
        {run.data && <Alert data-color="success">{t('foodwaste.editor.imported', { ...run.data })}</Alert>}
        {run.error && <ImportFailure error={run.error} title={t('foodwaste.editor.importFailed')} />}
      </div>
    </section>
  );
}

const LISTS: ListName[] = ['stages', 'categories', 'reasons', 'destinations'];

/** Food-waste editors: the municipality's own stages, categories, reasons and destinations beside the built-in ones. */
export function ListItemsForm() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const items = useListItems();
  const errorMessage = useErrorMessage();
  const [v, setV] = useState<{ list: ListName; labelNb: string; labelEn: string }>({ list: 'stages', labelNb: '', labelEn: '' });
  const [done, setDone] = useState<string | null>(null);
  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: fwKeys.listItems() }), qc.invalidateQueries({ queryKey: fwKeys.options() })]);
  const add = useMutation({
    mutationFn: () => api<ListItem>('/foodwaste/list-items', { method: 'POST', body: v }),
    onSuccess: (item) => {
      setDone(t('foodwaste.lists.added', { name: item.labelNb, list: t(`foodwaste.lists.names.${item.list}`).toLowerCase() }));
      setV((x) => ({ ...x, labelNb: '', labelEn: '' }));
      void refresh();
    },
  });
  const toggle = useMutation({
    mutationFn: (item: ListItem) => api<ListItem>(`/foodwaste/list-items/${item.id}`, { method: 'PUT', body: { active: !item.active } }),
    onSuccess: (item) => {
      setDone(t(item.active ? 'foodwaste.lists.activated' : 'foodwaste.lists.deactivated', { name: item.labelNb }));
      void refresh();
    },
  });
  const fe = add.error instanceof ApiError ? add.error.fieldErrors() : {};
  return (
    <section aria-labelledby="fw-lists" className="fw-card">
      <Heading level={2} data-size="sm" id="fw-lists">
        {t('foodwaste.lists.title')}
      </Heading>
      <Paragraph data-size="sm">{t('foodwaste.lists.intro')}</Paragraph>
      <form
        className="fw-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setDone(null);
          add.mutate();
        }}
      >
        <Field>
          <Label>{t('foodwaste.lists.list')}</Label>
          <Select value={v.list} onChange={(e) => setV((x) => ({ ...x, list: e.target.value as ListName }))}>
            {LISTS.map((l) => (
              <Select.Option key={l} value={l}>
                {t(`foodwaste.lists.names.${l}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield label={t('foodwaste.lists.labelNb')} value={v.labelNb} onChange={(e) => setV((x) => ({ ...x, labelNb: e.target.value }))} error={fe.labelNb ?? fe.list} />
        <Textfield label={t('foodwaste.lists.labelEn')} value={v.labelEn} onChange={(e) => setV((x) => ({ ...x, labelEn: e.target.value }))} error={fe.labelEn} description={t('foodwaste.lists.labelEnHelp')} />
        {add.isError && !Object.keys(fe).length && <Alert data-color="danger">{errorMessage(add.error)}</Alert>}
        <Button type="submit" variant="secondary" disabled={add.isPending}>
          {t('foodwaste.lists.add')}
        </Button>
      </form>
      <div aria-live="polite">
        {done && <Alert data-color="success">{done}</Alert>}
        {toggle.isError && <Alert data-color="danger">{errorMessage(toggle.error)}</Alert>}
      </div>
      {items.data && items.data.length > 0 ? (
        <Table className="fw-table" data-size="sm">
          <caption>{t('foodwaste.lists.own')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('foodwaste.lists.list')}</Table.HeaderCell>
              <Table.HeaderCell>{t('foodwaste.lists.labelNb')}</Table.HeaderCell>
              <Table.HeaderCell>{t('foodwaste.lists.labelEn')}</Table.HeaderCell>
              <Table.HeaderCell>{t('foodwaste.lists.state')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {items.data.map((item) => (
              <Table.Row key={item.id}>
                <Table.Cell>{t(`foodwaste.lists.names.${item.list}`)}</Table.Cell>
                <Table.HeaderCell scope="row">{item.labelNb}</Table.HeaderCell>
                <Table.Cell>{item.labelEn}</Table.Cell>
                <Table.Cell>
                  {item.active ? t('foodwaste.lists.inUse') : t('foodwaste.lists.notInUse')}{' '}
                  <Button data-size="sm" variant="tertiary" onClick={() => toggle.mutate(item)} disabled={toggle.isPending}>
                    {item.active ? t('foodwaste.lists.deactivate', { name: item.labelNb }) : t('foodwaste.lists.activate', { name: item.labelNb })}
                  </Button>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : (
        items.data && <Paragraph data-size="sm">{t('foodwaste.lists.none')}</Paragraph>
      )}
    </section>
  );
}
