// Editing forms of the climate account (climate editors): supplier-specific factors and the
// decisions on flagged implausible factors (confirm or replace, with a reason).
import { useState } from 'react';
import { Alert, Button, Heading, Paragraph, Radio, Table, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../app/api';
import { useFormat } from '../app/format';
import { Loading, QueryError } from '../app/ui/Status';

interface SupplierFactor { orgnr: string; year: number; kgPerNok: number; source: string; createdBy: string; createdAt: string }
interface FlaggedFactor { category: string; label: string; value: number; flagged: boolean; decision: { value: number | null; note: string; decided_by_label: string } | null }
interface SourcesSets { sets: { key: string; name: string; currency: string; factors: FlaggedFactor[] }[] }

const fieldErrors = (e: unknown): Record<string, string> => (e instanceof ApiError ? e.fieldErrors() : {});
const numberOf = (s: string) => Number(s.trim().replace(/\s/g, '').replace(',', '.'));

/** Supplier-specific factors: the list and a form to add or replace one (supplier org. number, year, factor, source). */
export function SupplierFactorsForm() {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const list = useQuery({ queryKey: ['climate', 'supplier-factors'], queryFn: ({ signal }) => api<{ rows: SupplierFactor[] }>('/climate/supplier-factors', { signal }) });
  const [form, setForm] = useState({ orgnr: '', year: String(new Date().getFullYear() - 1), kgPerNok: '', source: '' });
  const save = useMutation({
    mutationFn: () => api('/climate/supplier-factors', { method: 'PUT', body: { orgnr: form.orgnr.replace(/\s/g, ''), year: Number(form.year), kgPerNok: numberOf(form.kgPerNok), source: form.source } }),
    onSuccess: () => {
      setForm((x) => ({ ...x, orgnr: '', kgPerNok: '', source: '' }));
      void qc.invalidateQueries({ queryKey: ['climate'] });
    },
  });
  const errs = fieldErrors(save.error);
  return (
    <section aria-labelledby="cl-suppliers" className="cl-card">
      <Heading level={2} data-size="sm" id="cl-suppliers">{t('climate.suppliers.title')}</Heading>
      <Paragraph data-size="sm">{t('climate.suppliers.intro')}</Paragraph>
      {list.isPending ? <Loading /> : list.isError ? <QueryError error={list.error} /> : list.data.rows.length === 0 ? (
        <Paragraph data-size="sm">{t('climate.suppliers.empty')}</Paragraph>
      ) : (
        <Table className="cl-table">
          <caption>{t('climate.suppliers.caption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('climate.suppliers.orgnr')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('climate.suppliers.year')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('climate.suppliers.factor')}</Table.HeaderCell>
              <Table.HeaderCell>{t('climate.suppliers.source')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {list.data.rows.map((r) => (
              <Table.Row key={`${r.orgnr}-${r.year}`}>
                <Table.Cell>{r.orgnr}</Table.Cell>
                <Table.Cell className="num">{r.year}</Table.Cell>
                <Table.Cell className="num">{f.number(r.kgPerNok, 3)}</Table.Cell>
                <Table.Cell>{r.source}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <form
        className="cl-form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Textfield label={t('climate.suppliers.orgnr')} inputMode="numeric" autoComplete="off" value={form.orgnr} onChange={(e) => setForm({ ...form, orgnr: e.target.value })} error={errs.orgnr} />
        <Textfield label={t('climate.suppliers.year')} inputMode="numeric" value={form.year} onChange={(e) => setForm({ ...form, year: e.target.value })} error={errs.year} />
        <Textfield label={t('climate.suppliers.factor')} description={t('climate.suppliers.factorHelp')} inputMode="decimal" value={form.kgPerNok} onChange={(e) => setForm({ ...form, kgPerNok: e.target.value })} error={errs.kgPerNok} />
        <Textfield label={t('climate.suppliers.source')} description={t('climate.suppliers.sourceHelp')} value={form.source} onChange={(e) => setForm({ ...form, source: e.target.value })} error={errs.source} />
        <Button type="submit" disabled={save.isPending}>{t('climate.suppliers.save')}</Button>
      </form>
      <div aria-live="polite">
        {save.isSuccess && <Alert data-color="success">{t('climate.suppliers.saved')}</Alert>}
        {save.isError && <Alert data-color="danger">{save.error.message}</Alert>}
      </div>
    </section>
  );
}

/** Flagged implausible factors: each is unused until an editor confirms it or replaces it, with a reason. */
export function FactorDecisionsForm() {
  const { t } = useTranslation();
  const f = useFormat();
  const sources = useQuery({ queryKey: ['climate', 'sources'], queryFn: ({ signal }) => api<SourcesSets>('/climate/sources', { signal }) });
  if (sources.isPending) return <Loading />;
  if (sources.isError) return <QueryError error={sources.error} />;
  const flagged = sources.data.sets.flatMap((s) => s.factors.filter((x) => x.flagged).map((x) => ({ set: s, factor: x })));
  return (
    <section aria-labelledby="cl-decisions" className="cl-card">
      <Heading level={2} data-size="sm" id="cl-decisions">{t('climate.decisions.title')}</Heading>
      <Paragraph data-size="sm">{t('climate.decisions.intro')}</Paragraph>
      {flagged.length === 0 && <Paragraph data-size="sm">{t('climate.decisions.empty')}</Paragraph>}
      {flagged.map(({ set, factor }) => (
        <Decision key={`${set.key}-${factor.category}`} setKey={set.key} setName={set.name} currency={set.currency} factor={factor} format={f.number} />
      ))}
    </section>
  );
}

function Decision({ setKey, setName, currency, factor, format }: { setKey: string; setName: string; currency: string; factor: FlaggedFactor; format: (n: number, d?: number) => string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const id = `cl-dec-${setKey}-${factor.category}`;
  const [choice, setChoice] = useState<'confirm' | 'replace'>(factor.decision && factor.decision.value !== null ? 'replace' : 'confirm');
  const [value, setValue] = useState(factor.decision?.value != null ? String(factor.decision.value) : '');
  const [note, setNote] = useState(factor.decision?.note ?? '');
  const save = useMutation({
    mutationFn: () => api('/climate/factor-decisions', { method: 'PUT', body: { setKey, category: factor.category, value: choice === 'confirm' ? null : numberOf(value), note } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['climate'] }),
  });
  const errs = fieldErrors(save.error);
  return (
    <form
      className="cl-form"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Heading level={3} data-size="2xs" id={`${id}-h`}>
        {factor.label} ({setName}): {format(factor.value, 2)} kg CO₂e/{currency}
      </Heading>
      <Paragraph data-size="sm">{factor.decision ? t('climate.decisions.decided', { by: factor.decision.decided_by_label, what: factor.decision.value === null ? t('climate.decisions.confirmed') : t('climate.decisions.replaced', { value: format(factor.decision.value, 3) }) }) : t('climate.decisions.undecided')}</Paragraph>
      <fieldset className="cl-fieldset">
        <legend>{t('climate.decisions.choice')}</legend>
        <Radio name={`${id}-choice`} label={t('climate.decisions.confirm')} value="confirm" checked={choice === 'confirm'} onChange={() => setChoice('confirm')} />
        <Radio name={`${id}-choice`} label={t('climate.decisions.replace', { currency })} value="replace" checked={choice === 'replace'} onChange={() => setChoice('replace')} />
      </fieldset>
      {choice === 'replace' && <Textfield label={t('climate.decisions.value', { currency })} inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} error={errs.value} />}
      <Textfield multiline rows={2} label={t('climate.decisions.note')} value={note} onChange={(e) => setNote(e.target.value)} error={errs.note} />
      <Button type="submit" variant="secondary" disabled={save.isPending}>{t('climate.decisions.save')}</Button>
      <div aria-live="polite">
        {save.isSuccess && <Alert data-color="success">{t('climate.decisions.saved')}</Alert>}
        {save.isError && !Object.keys(errs).length && <Alert data-color="danger">{save.error.message}</Alert>}
      </div>
    </form>
  );
}
