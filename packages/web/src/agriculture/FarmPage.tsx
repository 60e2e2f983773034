import { useState, type FormEvent } from 'react';
import { Alert, Button, Field, Heading, Label, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { useFormat } from '../app/format';
import { AppLink } from '../app/ui/AppLink';
import { FormErrorSummary } from '../app/ui/FormErrors';
import { PageHeading } from '../app/ui/PageHeading';
import { Loading, QueryError, useErrorMessage } from '../app/ui/Status';
import { useFormErrors } from '../app/ui/useFormErrors';
import { DeliveriesTable, DeliveryForm } from './DeliveryForms';
import { agKeys, nameOf, useFarm, useOptions } from './queries';
import type { FarmDetail, Management, Options } from './types';
import './agriculture.css';

const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.replace(/\s/g, '').replace(',', '.')));
const MCOLOR: Record<Management, 'success' | 'warning' | 'neutral'> = { organic: 'success', conversion: 'warning', conventional: 'neutral' };

/** One farm: its facts and certificate, areas by year, deliveries, conversion plans and support. */
export function FarmPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const { t } = useTranslation();
  const farm = useFarm(id);
  const options = useOptions();
  if (farm.isPending || options.isPending) return <Loading />;
  if (farm.isError) return <QueryError error={farm.error} />;
  if (options.isError) return <QueryError error={options.error} />;
  const d = farm.data;
  return (
    <>
      <Paragraph>
        <AppLink to="/agriculture">{t('agriculture.farm.back')}</AppLink>
      </Paragraph>
      <PageHeading>{d.farm.name}</PageHeading>
      <Facts d={d} options={options.data} />
      <Areas d={d} options={options.data} />
      {d.canEdit && <DeliveryForm farmId={d.farm.id} options={options.data} />}
      <DeliveriesTable farmId={d.farm.id} options={options.data} canEdit={d.canEdit} />
      <Plans d={d} options={options.data} />
      <SupportList d={d} options={options.data} />
    </>
  );
}

const FID = { agriculturalAreaDaa: 'ag-f-area', certifierKey: 'ag-f-cert', certificateNumber: 'ag-f-certno', certificateDate: 'ag-f-certdate' };

function Facts({ d, options }: { d: FarmDetail; options: Options }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [v, setV] = useState({ area: String(d.farm.agriculturalAreaDaa), certifierKey: d.farm.certifierKey ?? '', certificateNumber: d.farm.certificateNumber ?? '', certificateDate: d.farm.certificateDate ?? '' });
  const errors = useFormErrors(FID);
  const save = useMutation({
    mutationFn: () => api(`/agriculture/farms/${encodeURIComponent(d.farm.id)}`, { method: 'PATCH', body: { agriculturalAreaDaa: num(v.area), certifierKey: v.certifierKey || null, certificateNumber: v.certificateNumber || null, certificateDate: v.certificateDate || null } }),
    onSuccess: () => {
      errors.clear();
      setEditing(false);
      return qc.invalidateQueries({ queryKey: agKeys.all });
    },
    onError: (e) => errors.fromError(e),
  });
  return (
    <section aria-labelledby="ag-facts" className="block">
      <Heading level={2} data-size="sm" id="ag-facts">
        {t('agriculture.farm.facts')}
      </Heading>
      <dl className="fields">
        <div>
          <dt>{t('agriculture.farm.orgNumber')}</dt>
          <dd>{f.orgNumber(d.farm.orgNumber)}</dd>
        </div>
        <div>
          <dt>{t('agriculture.farm.area')}</dt>
          <dd>
            {f.number(d.farm.agriculturalAreaDaa, 1)} {t('agriculture.unitDaa')}
          </dd>
        </div>
        <div>
          <dt>{t('agriculture.farm.certifier')}</dt>
          <dd>{d.farm.certifier ?? t('agriculture.farm.noCertifier')}</dd>
        </div>
        <div>
          <dt>{t('agriculture.farm.certificateNumber')}</dt>
          <dd>{d.farm.certificateNumber ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('agriculture.farm.certificateDate')}</dt>
          <dd>{f.date(d.farm.certificateDate)}</dd>
        </div>
      </dl>
      {d.canEdit && !editing && (
        <Button variant="secondary" data-size="sm" onClick={() => setEditing(true)}>
          {t('agriculture.farm.edit')}
        </Button>
      )}
      {editing && (
        <>
          <FormErrorSummary key={errors.attempt} errors={errors.summary} />
          <form
            className="ag-form"
            noValidate
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              save.mutate();
            }}
          >
            <Textfield id={FID.agriculturalAreaDaa} label={t('agriculture.register.area')} inputMode="decimal" value={v.area} onChange={(e) => setV((x) => ({ ...x, area: e.target.value }))} error={errors.fields.agriculturalAreaDaa} />
            <Field>
              <Label htmlFor={FID.certifierKey}>{t('agriculture.farm.certifier')}</Label>
              <Select id={FID.certifierKey} value={v.certifierKey} onChange={(e) => setV((x) => ({ ...x, certifierKey: e.target.value }))}>
                <Select.Option value="">{t('agriculture.farm.noCertifier')}</Select.Option>
                {options.certifiers.map((c) => (
                  <Select.Option key={c.key} value={c.key}>
                    {c.name}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Textfield id={FID.certificateNumber} label={t('agriculture.farm.certificateNumber')} value={v.certificateNumber} onChange={(e) => setV((x) => ({ ...x, certificateNumber: e.target.value }))} error={errors.fields.certificateNumber} />
            <Textfield id={FID.certificateDate} label={t('agriculture.farm.certificateDate')} type="date" value={v.certificateDate} onChange={(e) => setV((x) => ({ ...x, certificateDate: e.target.value }))} error={errors.fields.certificateDate} />
            <div className="ag-form__actions">
              <Button type="submit" disabled={save.isPending}>
                {t('agriculture.farm.save')}
              </Button>
              <Button type="button" variant="tertiary" onClick={() => setEditing(false)}>
                {t('agriculture.farm.cancel')}
              </Button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}

interface Row {
  cropKey: string;
  areaDaa: string;
  management: Management;
  conversionStart: string;
}

function Areas({ d, options }: { d: FarmDetail; options: Options }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const lang = i18n.language;
  const thisYear = Number(d.today.slice(0, 4));
  const years = d.years.filter((y) => y.areas.length > 0).map((y) => y.year);
  const [year, setYear] = useState<number>(years[0] ?? thisYear);
  const [editing, setEditing] = useState(false);
  const y = d.years.find((x) => x.year === year);
  const choices = [...new Set([thisYear, ...years])].sort((a, b) => b - a);
  return (
    <section aria-labelledby="ag-areas" className="block">
      <Heading level={2} data-size="sm" id="ag-areas">
        {t('agriculture.areas.title')}
      </Heading>
      <Field className="ag-year">
        <Label htmlFor="ag-area-year">{t('agriculture.areas.year')}</Label>
        <Select
          id="ag-area-year"
          value={String(year)}
          onChange={(e) => {
            setYear(Number(e.target.value));
            setEditing(false);
          }}
        >
          {choices.map((c) => (
            <Select.Option key={c} value={String(c)}>
              {c}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {!y || y.areas.length === 0 ? (
        <Paragraph>{t('agriculture.areas.none', { year })}</Paragraph>
      ) : (
        <div className="table-wrap">
          <Table zebra border data-size="sm">
            <caption>{t('agriculture.areas.caption', { year })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('agriculture.areas.crop')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="num">
                  {t('agriculture.areas.area')}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('agriculture.areas.management')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('agriculture.areas.start')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('agriculture.areas.atEnd')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {y.areas.map((a) => (
                <Table.Row key={`${a.cropKey}/${a.management}`}>
                  <Table.HeaderCell scope="row">{nameOf(options.crops, a.cropKey, lang)}</Table.HeaderCell>
                  <Table.Cell className="num">{f.number(a.areaDaa, 1)}</Table.Cell>
                  <Table.Cell>{t(`agriculture.management.${a.management}`)}</Table.Cell>
                  <Table.Cell>{f.date(a.conversionStart)}</Table.Cell>
                  <Table.Cell>
                    <Tag data-size="sm" data-color={MCOLOR[a.managementAtEnd]}>
                      {t(`agriculture.management.${a.managementAtEnd}`)}
                    </Tag>
                  </Table.Cell>
                </Table.Row>
              ))}
              <Table.Row>
                <Table.HeaderCell scope="row">{t('agriculture.areas.sum')}</Table.HeaderCell>
                <Table.Cell className="num">{f.number(y.totalDaa, 1)}</Table.Cell>
                <Table.Cell colSpan={3}>
                  {t('agriculture.management.organic')}: {f.number(y.organicShare, 1)} % · {t('agriculture.management.conversion')}: {f.number(y.conversionShare, 1)} %
                </Table.Cell>
              </Table.Row>
            </Table.Body>
          </Table>
        </div>
      )}
      {d.canEdit && !editing && (
        <Button variant="secondary" data-size="sm" onClick={() => setEditing(true)}>
          {y && y.areas.length ? t('agriculture.areas.edit', { year }) : t('agriculture.areas.newYear')}
        </Button>
      )}
      {d.canEdit && editing && <AreasForm key={year} d={d} year={year} options={options} onDone={() => setEditing(false)} />}
    </section>
  );
}

function AreasForm({ d, year, options, onDone }: { d: FarmDetail; year: number; options: Options; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const lang = i18n.language;
  const current = d.years.find((x) => x.year === year)?.areas ?? d.years.find((x) => x.areas.length)?.areas ?? [];
  const [rows, setRows] = useState<Row[]>(current.length ? current.map((a) => ({ cropKey: a.cropKey, areaDaa: String(a.areaDaa), management: a.management, conversionStart: a.conversionStart ?? '' })) : [{ cropKey: options.crops[0]!.key, areaDaa: '', management: 'conventional', conversionStart: '' }]);
  const [fieldErr, setFieldErr] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<{ id?: string; message: string }[]>([]);
  const [attempt, setAttempt] = useState(0);
  const message = useErrorMessage();
  const save = useMutation({
    mutationFn: () => api(`/agriculture/farms/${encodeURIComponent(d.farm.id)}/areas`, { method: 'POST', body: { year, areas: rows.map((r) => ({ cropKey: r.cropKey, areaDaa: num(r.areaDaa), management: r.management, conversionStart: r.management === 'conversion' ? r.conversionStart || null : null })) } }),
    onSuccess: async () => {
      setFieldErr({});
      setSummary([]);
      await qc.invalidateQueries({ queryKey: agKeys.all });
      onDone();
    },
    onError: (e) => {
      // Server details name rows as areas.<i>.<field>; each links to its control.
      const details = (e as { details?: { field?: string | null; message: string }[] }).details ?? [];
      setFieldErr(Object.fromEntries(details.filter((x) => x.field?.startsWith('areas.')).map((x) => [x.field!, x.message])));
      const items = details.map((x) => {
        const m = /^areas\.(\d+)\.(\w+)$/.exec(x.field ?? '');
        return { id: m ? `ag-a-${m[1]}-${m[2]}` : 'ag-a-0-areaDaa', message: m ? `${t('agriculture.areas.row', { n: Number(m[1]) + 1 })}: ${x.message}` : x.message };
      });
      setSummary(items.length ? items : [{ message: message(e) }]);
      setAttempt((n) => n + 1);
    },
  });
  const set = (i: number, k: keyof Row, value: string) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, [k]: value } : r)));
  return (
    <form
      className="ag-areas-form"
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <FormErrorSummary key={attempt} errors={summary} heading={t('agriculture.areas.failed')} />
      {rows.map((r, i) => (
        <fieldset key={i} className="ag-area-row">
          <legend>{t('agriculture.areas.row', { n: i + 1 })}</legend>
          <Field>
            <Label htmlFor={`ag-a-${i}-cropKey`}>{t('agriculture.areas.crop')}</Label>
            <Select id={`ag-a-${i}-cropKey`} value={r.cropKey} onChange={(e) => set(i, 'cropKey', e.target.value)}>
              {options.crops.map((c) => (
                <Select.Option key={c.key} value={c.key}>
                  {nameOf(options.crops, c.key, lang)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Textfield id={`ag-a-${i}-areaDaa`} label={t('agriculture.areas.area')} inputMode="decimal" value={r.areaDaa} onChange={(e) => set(i, 'areaDaa', e.target.value)} error={fieldErr[`areas.${i}.areaDaa`]} />
          <Field>
            <Label htmlFor={`ag-a-${i}-management`}>{t('agriculture.areas.management')}</Label>
            <Select id={`ag-a-${i}-management`} value={r.management} onChange={(e) => set(i, 'management', e.target.value)}>
              {options.managements.map((m) => (
                <Select.Option key={m} value={m}>
                  {t(`agriculture.management.${m}`)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          {r.management === 'conversion' && <Textfield id={`ag-a-${i}-conversionStart`} label={t('agriculture.areas.start')} type="date" value={r.conversionStart} onChange={(e) => set(i, 'conversionStart', e.target.value)} error={fieldErr[`areas.${i}.conversionStart`]} />}
          <Button type="button" variant="tertiary" data-size="sm" onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))} aria-label={t('agriculture.areas.removeRow', { n: i + 1 })}>
            {t('agriculture.areas.remove')}
          </Button>
        </fieldset>
      ))}
      <div className="ag-form__actions">
        <Button type="button" variant="secondary" data-size="sm" onClick={() => setRows((rs) => [...rs, { cropKey: options.crops[0]!.key, areaDaa: '', management: 'conventional', conversionStart: '' }])}>
          {t('agriculture.areas.add')}
        </Button>
        <Button type="submit" disabled={save.isPending}>
          {t('agriculture.areas.save')}
        </Button>
        <Button type="button" variant="tertiary" onClick={onDone}>
          {t('agriculture.farm.cancel')}
        </Button>
      </div>
    </form>
  );
}

function Plans({ d, options }: { d: FarmDetail; options: Options }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const thisYear = Number(d.today.slice(0, 4));
  const [v, setV] = useState({ targetYear: String(thisYear + 2), areaDaa: '', status: 'planned' });
  const add = useMutation({ mutationFn: () => api(`/agriculture/farms/${encodeURIComponent(d.farm.id)}/conversion-plans`, { method: 'POST', body: { targetYear: Number(v.targetYear), areaDaa: num(v.areaDaa), status: v.status } }), onSuccess: () => qc.invalidateQueries({ queryKey: agKeys.all }) });
  const change = useMutation({ mutationFn: (p: { id: string; status: string }) => api(`/agriculture/conversion-plans/${encodeURIComponent(p.id)}`, { method: 'PATCH', body: { status: p.status } }), onSuccess: () => qc.invalidateQueries({ queryKey: agKeys.all }) });
  return (
    <section aria-labelledby="ag-plans" className="block">
      <Heading level={2} data-size="sm" id="ag-plans">
        {t('agriculture.plans.title')}
      </Heading>
      {d.plans.length === 0 ? (
        <Paragraph>{t('agriculture.plans.none')}</Paragraph>
      ) : (
        <div className="table-wrap">
          <Table zebra border data-size="sm">
            <caption>{t('agriculture.plans.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('agriculture.plans.targetYear')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="num">
                  {t('agriculture.plans.area')}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('agriculture.plans.status')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('agriculture.plans.note')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {d.plans.map((p) => (
                <Table.Row key={p.id}>
                  <Table.HeaderCell scope="row">{p.targetYear}</Table.HeaderCell>
                  <Table.Cell className="num">{f.number(p.areaDaa, 1)}</Table.Cell>
                  <Table.Cell>
                    {d.canEdit ? (
                      <Select aria-label={t('agriculture.plans.changeStatus', { year: p.targetYear })} data-size="sm" value={p.status} onChange={(e) => change.mutate({ id: p.id, status: e.target.value })}>
                        {options.planStatuses.map((s) => (
                          <Select.Option key={s} value={s}>
                            {t(`agriculture.planStatus.${s}`)}
                          </Select.Option>
                        ))}
                      </Select>
                    ) : (
                      t(`agriculture.planStatus.${p.status}`)
                    )}
                  </Table.Cell>
                  <Table.Cell>{p.note ?? ''}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {change.error && <Alert data-color="danger">{message(change.error)}</Alert>}
      {d.canEdit && (
        <form
          className="ag-form"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate();
          }}
        >
          <Textfield id="ag-p-year" label={t('agriculture.plans.targetYear')} inputMode="numeric" value={v.targetYear} onChange={(e) => setV((x) => ({ ...x, targetYear: e.target.value }))} />
          <Textfield id="ag-p-area" label={t('agriculture.plans.area')} inputMode="decimal" value={v.areaDaa} onChange={(e) => setV((x) => ({ ...x, areaDaa: e.target.value }))} />
          <Field>
            <Label htmlFor="ag-p-status">{t('agriculture.plans.status')}</Label>
            <Select id="ag-p-status" value={v.status} onChange={(e) => setV((x) => ({ ...x, status: e.target.value }))}>
              {options.planStatuses.map((s) => (
                <Select.Option key={s} value={s}>
                  {t(`agriculture.planStatus.${s}`)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <div className="ag-form__actions">
            <Button type="submit" variant="secondary" disabled={add.isPending}>
              {t('agriculture.plans.add')}
            </Button>
          </div>
        </form>
      )}
      <div aria-live="polite">
        {add.isSuccess && <Alert data-color="success">{t('agriculture.plans.saved')}</Alert>}
        {add.error && <Alert data-color="danger">{message(add.error)}{(add.error as { details?: { message: string }[] }).details?.map((x) => ` ${x.message}.`)}</Alert>}
      </div>
    </section>
  );
}

function SupportList({ d, options }: { d: FarmDetail; options: Options }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const lang = i18n.language;
  const [v, setV] = useState({ schemeKey: options.schemes[0]?.key ?? '', year: d.today.slice(0, 4), amountNok: '' });
  const add = useMutation({ mutationFn: () => api(`/agriculture/farms/${encodeURIComponent(d.farm.id)}/support-grants`, { method: 'POST', body: { schemeKey: v.schemeKey, year: Number(v.year), amountNok: num(v.amountNok) } }), onSuccess: () => qc.invalidateQueries({ queryKey: agKeys.all }) });
  const remove = useMutation({ mutationFn: (id: string) => api<void>(`/agriculture/support-grants/${encodeURIComponent(id)}`, { method: 'DELETE' }), onSuccess: () => qc.invalidateQueries({ queryKey: agKeys.all }) });
  return (
    <section aria-labelledby="ag-support" className="block">
      <Heading level={2} data-size="sm" id="ag-support">
        {t('agriculture.support.title')}
      </Heading>
      {d.support.length === 0 ? (
        <Paragraph>{t('agriculture.support.none')}</Paragraph>
      ) : (
        <div className="table-wrap">
          <Table zebra border data-size="sm">
            <caption>{t('agriculture.support.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('agriculture.support.year')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('agriculture.support.scheme')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="num">
                  {t('agriculture.support.amount')}
                </Table.HeaderCell>
                {d.canGrant && <Table.HeaderCell scope="col">{t('agriculture.support.delete')}</Table.HeaderCell>}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {d.support.map((s) => (
                <Table.Row key={s.id}>
                  <Table.HeaderCell scope="row">{s.year}</Table.HeaderCell>
                  <Table.Cell>{nameOf(options.schemes, s.schemeKey, lang)}</Table.Cell>
                  <Table.Cell className="num">{f.number(s.amountNok, 0)}</Table.Cell>
                  {d.canGrant && (
                    <Table.Cell>
                      <Button data-size="sm" variant="tertiary" onClick={() => remove.mutate(s.id)} aria-label={t('agriculture.support.deleteOne', { scheme: nameOf(options.schemes, s.schemeKey, lang), year: s.year })}>
                        {t('agriculture.support.delete')}
                      </Button>
                    </Table.Cell>
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {d.canGrant && (
        <form
          className="ag-form"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate();
          }}
        >
          <Field>
            <Label htmlFor="ag-s-scheme">{t('agriculture.support.scheme')}</Label>
            <Select id="ag-s-scheme" value={v.schemeKey} onChange={(e) => setV((x) => ({ ...x, schemeKey: e.target.value }))}>
              {options.schemes.map((s) => (
                <Select.Option key={s.key} value={s.key}>
                  {nameOf(options.schemes, s.key, lang)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Textfield id="ag-s-year" label={t('agriculture.support.year')} inputMode="numeric" value={v.year} onChange={(e) => setV((x) => ({ ...x, year: e.target.value }))} />
          <Textfield id="ag-s-amount" label={t('agriculture.support.amount')} inputMode="decimal" value={v.amountNok} onChange={(e) => setV((x) => ({ ...x, amountNok: e.target.value }))} />
          <div className="ag-form__actions">
            <Button type="submit" variant="secondary" disabled={add.isPending}>
              {t('agriculture.support.add')}
            </Button>
          </div>
        </form>
      )}
      <div aria-live="polite">
        {add.isSuccess && <Alert data-color="success">{t('agriculture.support.saved')}</Alert>}
        {add.error && <Alert data-color="danger">{message(add.error)}{(add.error as { details?: { message: string }[] }).details?.map((x) => ` ${x.message}.`)}</Alert>}
      </div>
    </section>
  );
}
