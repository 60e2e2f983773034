import { useState, type FormEvent } from 'react';
import { Alert, Button, Field, Heading, Label, Paragraph, Select, Table, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { useFormat } from '../app/format';
import { FormErrorSummary } from '../app/ui/FormErrors';
import { ImportCounts, ImportFailure } from '../app/ui/ImportOutcome';
import { Pager } from '../app/ui/Pager';
import { Loading, QueryError } from '../app/ui/Status';
import { useFormErrors } from '../app/ui/useFormErrors';
import { agKeys, DELIVERIES_PAGE_SIZE, nameOf, useDeliveries } from './queries';
import type { Delivery, Options } from './types';

const ID = { year: 'ag-d-year', month: 'ag-d-month', channel: 'ag-d-channel', product: 'ag-d-product', kg: 'ag-d-kg', valueNok: 'ag-d-value', note: 'ag-d-note' };
const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.replace(/\s/g, '').replace(',', '.')));

/** Report one delivery to the local market for a farm: a month or the whole year. */
export function DeliveryForm({ farmId, options }: { farmId: string; options: Options }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const lang = i18n.language;
  const thisYear = Number(options.today.slice(0, 4));
  const thisMonth = Number(options.today.slice(5, 7));
  const [v, setV] = useState({ year: String(thisYear), month: String(thisMonth), channelKey: options.channels[0]?.key ?? '', productKey: options.products[0]?.key ?? '', kg: '', valueNok: '', note: '' });
  const errors = useFormErrors(ID);
  const save = useMutation({
    mutationFn: () => api<Delivery>(`/agriculture/farms/${encodeURIComponent(farmId)}/deliveries`, { method: 'POST', body: { year: Number(v.year), month: v.month ? Number(v.month) : null, channelKey: v.channelKey, productKey: v.productKey, kg: num(v.kg), valueNok: v.valueNok.trim() === '' ? 0 : num(v.valueNok), note: v.note || null } }),
    onSuccess: () => {
      errors.clear();
      setV((x) => ({ ...x, kg: '', valueNok: '', note: '' }));
      return qc.invalidateQueries({ queryKey: agKeys.all });
    },
    onError: (e) => errors.fromError(e),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!(num(v.kg) > 0)) local.kg = t('agriculture.report.kgPositive');
    if (Object.keys(local).length) return errors.show(local);
    save.mutate();
  };
  const set = (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setV((x) => ({ ...x, [k]: e.target.value }));
  const years = Array.from({ length: 7 }, (_, i) => thisYear - i);
  return (
    <section aria-labelledby="ag-report-form" className="ag-card">
      <Heading level={2} data-size="sm" id="ag-report-form">
        {t('agriculture.report.title')}
      </Heading>
      <Paragraph data-size="sm">{t('agriculture.report.intro')}</Paragraph>
      <FormErrorSummary key={errors.attempt} errors={errors.summary} />
      <form className="ag-form" onSubmit={submit} noValidate>
        <Field>
          <Label htmlFor={ID.year}>{t('agriculture.report.year')}</Label>
          <Select id={ID.year} value={v.year} onChange={set('year')} aria-invalid={errors.fields.year ? true : undefined}>
            {years.map((y) => (
              <Select.Option key={y} value={String(y)}>
                {y}
              </Select.Option>
            ))}
          </Select>
          {errors.fields.year && <ValidationMessage>{errors.fields.year}</ValidationMessage>}
        </Field>
        <Field>
          <Label htmlFor={ID.month}>{t('agriculture.report.month')}</Label>
          <Select id={ID.month} value={v.month} onChange={set('month')} aria-invalid={errors.fields.month ? true : undefined}>
            <Select.Option value="">{t('agriculture.report.wholeYear')}</Select.Option>
            {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
              <Select.Option key={m} value={String(m)}>
                {new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nb-NO', { month: 'long' }).format(new Date(Date.UTC(2024, m - 1, 15)))}
              </Select.Option>
            ))}
          </Select>
          {errors.fields.month && <ValidationMessage>{errors.fields.month}</ValidationMessage>}
        </Field>
        <Field>
          <Label htmlFor={ID.channel}>{t('agriculture.report.channel')}</Label>
          <Select id={ID.channel} value={v.channelKey} onChange={set('channelKey')} aria-invalid={errors.fields.channel ? true : undefined}>
            {options.channels.map((c) => (
              <Select.Option key={c.key} value={c.key}>
                {nameOf(options.channels, c.key, lang)}
              </Select.Option>
            ))}
          </Select>
          {errors.fields.channel && <ValidationMessage>{errors.fields.channel}</ValidationMessage>}
        </Field>
        <Field>
          <Label htmlFor={ID.product}>{t('agriculture.report.product')}</Label>
          <Select id={ID.product} value={v.productKey} onChange={set('productKey')} aria-invalid={errors.fields.product ? true : undefined}>
            {options.products.map((p) => (
              <Select.Option key={p.key} value={p.key}>
                {nameOf(options.products, p.key, lang)}
              </Select.Option>
            ))}
          </Select>
          {errors.fields.product && <ValidationMessage>{errors.fields.product}</ValidationMessage>}
        </Field>
        <Textfield id={ID.kg} label={t('agriculture.report.kg')} inputMode="decimal" value={v.kg} onChange={set('kg')} error={errors.fields.kg} autoComplete="off" />
        <Textfield id={ID.valueNok} label={t('agriculture.report.valueNok')} inputMode="decimal" value={v.valueNok} onChange={set('valueNok')} error={errors.fields.valueNok} autoComplete="off" />
        <Textfield id={ID.note} label={t('agriculture.report.note')} value={v.note} onChange={set('note')} autoComplete="off" />
        <div className="ag-form__actions">
          <Button type="submit" disabled={save.isPending}>
            {t('agriculture.report.submit')}
          </Button>
        </div>
      </form>
      <div aria-live="polite">{save.data && <Alert data-color="success">{t('agriculture.report.saved', { kg: f.number(save.data.kg, 1), period: save.data.period })}</Alert>}</div>
    </section>
  );
}

/** A farm's deliveries, newest first, paged; deletable by whoever may report for the farm. */
export function DeliveriesTable({ farmId, options, canEdit }: { farmId: string; options: Options; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const list = useDeliveries(farmId, page);
  const remove = useMutation({ mutationFn: (id: string) => api<void>(`/agriculture/deliveries/${encodeURIComponent(id)}`, { method: 'DELETE' }), onSuccess: () => qc.invalidateQueries({ queryKey: agKeys.all }) });
  const lang = i18n.language;
  return (
    <section aria-labelledby="ag-deliveries" className="block">
      <Heading level={2} data-size="sm" id="ag-deliveries">
        {t('agriculture.list.title')}
      </Heading>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Paragraph>{t('agriculture.list.none')}</Paragraph>
      ) : (
        <>
          <Paragraph data-size="sm" role="status">
            {t('agriculture.list.count', { count: list.data.total })}
          </Paragraph>
          <div className="table-wrap">
            <Table zebra border data-size="sm">
              <caption>{t('agriculture.list.caption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('agriculture.list.period')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('agriculture.report.channel')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('agriculture.report.product')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="num">
                    {t('agriculture.deliveries.kg')}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="num">
                    {t('agriculture.deliveries.valueNok')}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('agriculture.list.source')}</Table.HeaderCell>
                  {canEdit && <Table.HeaderCell scope="col">{t('agriculture.list.delete')}</Table.HeaderCell>}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {list.data.items.map((d) => (
                  <Table.Row key={d.id}>
                    <Table.Cell className="nowrap">{d.period}</Table.Cell>
                    <Table.Cell>{nameOf(options.channels, d.channelKey, lang)}</Table.Cell>
                    <Table.Cell>{nameOf(options.products, d.productKey, lang)}</Table.Cell>
                    <Table.Cell className="num">{f.number(d.kg, 1)}</Table.Cell>
                    <Table.Cell className="num">{f.number(d.valueNok, 0)}</Table.Cell>
                    <Table.Cell>{d.importFile ? `${d.importFile}:${d.importLine}` : d.enteredBy.replace(/ <.*>$/, '')}</Table.Cell>
                    {canEdit && (
                      <Table.Cell>
                        <Button data-size="sm" variant="tertiary" onClick={() => remove.mutate(d.id)} disabled={remove.isPending} aria-label={t('agriculture.list.deleteOne', { period: d.period, kg: f.number(d.kg, 1) })}>
                          {t('agriculture.list.delete')}
                        </Button>
                      </Table.Cell>
                    )}
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          <Pager page={page} total={list.data.total} pageSize={DELIVERIES_PAGE_SIZE} onChange={setPage} />
        </>
      )}
    </section>
  );
}

/** Import deliveries from CSV/XLSX; all or nothing, every bad line listed. */
export function DeliveryImport() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation({
    mutationFn: (fl: File) => {
      const fd = new FormData();
      fd.append('file', fl, fl.name);
      return api<{ file: string; rows: number; created: number; unchanged: number }>('/agriculture/deliveries/import', { method: 'POST', body: fd });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: agKeys.all }),
  });
  return (
    <section aria-labelledby="ag-import" className="ag-card">
      <Heading level={2} data-size="sm" id="ag-import">
        {t('agriculture.import.title')}
      </Heading>
      <Paragraph data-size="sm">{t('agriculture.import.intro')}</Paragraph>
      <form
        className="ag-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (file) run.mutate(file);
        }}
      >
        <Field>
          <Label htmlFor="ag-import-file">{t('agriculture.import.file')}</Label>
          <input id="ag-import-file" className="ds-input" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </Field>
        <div className="ag-form__actions">
          <Button type="submit" variant="secondary" disabled={!file || run.isPending}>
            {t('agriculture.import.submit')}
          </Button>
        </div>
      </form>
      <div aria-live="polite">
        {run.data && (
          <ImportCounts
            title={t('agriculture.import.done', { file: run.data.file })}
            counts={[
              [t('agriculture.import.rows'), run.data.rows],
              [t('agriculture.import.created'), run.data.created],
              [t('agriculture.import.unchanged'), run.data.unchanged],
            ]}
          />
        )}
        {run.error && <ImportFailure error={run.error} title={t('agriculture.import.failed')} />}
      </div>
    </section>
  );
}
