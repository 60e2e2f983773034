import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Field, Fieldset, Heading, Label, Paragraph, Select, Table, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../app/api';
import { can, useSession } from '../app/auth';
import { useFormat } from '../app/format';
import { AppLink } from '../app/ui/AppLink';
import { PageHeading } from '../app/ui/PageHeading';
import { Pager } from '../app/ui/Pager';
import { Loading, QueryError, useErrorMessage } from '../app/ui/Status';
import { EnterpriseNav } from './EnterpriseNav';
import { regKeys, useFigures, useRegisterOptions, useVentures } from './register-queries';
import type { Figures, RegisterOptions, Venture } from './register-types';
import './enterprise.css';

const PAGE = 20;

/** The register of social enterprises and green start-ups (A4, B6): the figures, the list, and a form for enterprise editors. */
export function RegisterPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const options = useRegisterOptions();
  const figures = useFigures();
  return (
    <>
      <PageHeading>{t('enterprise.register.title')}</PageHeading>
      <EnterpriseNav />
      <Paragraph className="lead">{t('enterprise.register.intro')}</Paragraph>
      {figures.isPending ? <Loading /> : figures.isError ? <QueryError error={figures.error} /> : <RegisterFigures figures={figures.data} />}
      <VentureList />
      {can.editDomain(user, 'enterprise') && options.data && <VentureForm options={options.data} />}
    </>
  );
}

function RegisterFigures({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!figures.register.length) return <Paragraph>{t('enterprise.register.noFigures')}</Paragraph>;
  return (
    <section className="block" aria-labelledby="ent-reg-fig">
      <Heading level={2} data-size="sm" id="ent-reg-fig">
        {t('enterprise.register.figuresTitle')}
      </Heading>
      <div className="table-wrap">
        <Table zebra border data-size="sm">
          <caption>{t('enterprise.register.figuresCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('enterprise.register.year')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('enterprise.register.contracts')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('enterprise.register.spend')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('enterprise.register.greenSupported')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {figures.register.map((r) => (
              <Table.Row key={r.year}>
                <Table.HeaderCell scope="row">{r.year}</Table.HeaderCell>
                <Table.Cell className="num">{f.number(r.contracts)}</Table.Cell>
                <Table.Cell className="num">{f.number(r.spendNok / 1_000_000, 1)}</Table.Cell>
                <Table.Cell className="num">{f.number(r.greenSupported)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <Paragraph data-size="sm">{t('enterprise.register.figuresNote')}</Paragraph>
    </section>
  );
}

export function KindTag({ kind }: { kind: Venture['kind'] }) {
  const { t } = useTranslation();
  return (
    <Tag data-size="sm" data-color={kind === 'social' ? 'info' : kind === 'green' ? 'success' : 'accent'}>
      {t(`enterprise.kind.${kind}`)}
    </Tag>
  );
}

function VentureList() {
  const { t } = useTranslation();
  const f = useFormat();
  const [p, setP] = useState<{ kind?: string; q: string; page: number }>({ q: '', page: 1 });
  const [q, setQ] = useState('');
  const ventures = useVentures({ kind: p.kind, q: p.q || undefined, limit: PAGE, offset: (p.page - 1) * PAGE });
  return (
    <section className="block" aria-labelledby="ent-reg-list">
      <Heading level={2} data-size="sm" id="ent-reg-list">
        {t('enterprise.register.listTitle')}
      </Heading>
      <form
        className="ent-inline"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setP((x) => ({ ...x, q: q.trim(), page: 1 }));
        }}
      >
        <Field>
          <Label>{t('enterprise.register.filterKind')}</Label>
          <Select value={p.kind ?? ''} onChange={(e) => setP((x) => ({ ...x, kind: e.target.value || undefined, page: 1 }))}>
            <Select.Option value="">{t('enterprise.register.anyKind')}</Select.Option>
            {(['social', 'green', 'both'] as const).map((k) => (
              <Select.Option key={k} value={k}>
                {t(`enterprise.kind.${k}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield label={t('enterprise.register.search')} value={q} onChange={(e) => setQ(e.target.value)} />
        <Button type="submit" variant="secondary">
          {t('enterprise.register.searchButton')}
        </Button>
      </form>
      {ventures.isPending ? (
        <Loading />
      ) : ventures.isError ? (
        <QueryError error={ventures.error} />
      ) : ventures.data.items.length === 0 ? (
        <Paragraph>{t('enterprise.register.empty')}</Paragraph>
      ) : (
        <>
          <Paragraph data-size="sm" role="status">
            {t('enterprise.register.count', { count: ventures.data.total })}
          </Paragraph>
          <div className="table-wrap">
            <Table zebra border data-size="sm">
              <caption className="ds-sr-only">{t('enterprise.register.listTitle')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('enterprise.register.name')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('enterprise.register.kindLabel')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('enterprise.register.impactArea')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('enterprise.register.sdgs')}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{t('enterprise.register.engagements')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {ventures.data.items.map((v) => (
                  <Table.Row key={v.id}>
                    <Table.HeaderCell scope="row">
                      <AppLink to="/enterprise/register/$id" params={{ id: v.id }}>
                        {v.name}
                      </AppLink>
                      <span className="ent-sub"> {v.orgNumber ? f.orgNumber(v.orgNumber) : t('enterprise.register.noOrgNumber')}</span>
                    </Table.HeaderCell>
                    <Table.Cell>
                      <KindTag kind={v.kind} />
                    </Table.Cell>
                    <Table.Cell>{v.impactArea}</Table.Cell>
                    <Table.Cell>{v.sdgs.join(', ')}</Table.Cell>
                    <Table.Cell className="num">{f.number(v.engagements ?? 0)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          <Pager page={p.page} total={ventures.data.total} pageSize={PAGE} onChange={(page) => setP((x) => ({ ...x, page }))} />
        </>
      )}
    </section>
  );
}

/** The add form (or, with `venture`, the change form) of a venture. */
export function VentureForm({ options, venture, onDone }: { options: RegisterOptions; venture?: Venture; onDone?: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const empty = { name: venture?.name ?? '', orgNumber: venture?.orgNumber ?? '', kind: venture?.kind ?? '', activity: venture?.activity ?? '', impactArea: venture?.impactArea ?? '', sdgs: venture?.sdgs ?? ([] as number[]) };
  const [v, setV] = useState(empty);
  const [done, setDone] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => api<Venture>(venture ? `/enterprise/ventures/${venture.id}` : '/enterprise/ventures', { method: venture ? 'PUT' : 'POST', body: { ...v, orgNumber: v.orgNumber.trim() || null } }),
    onSuccess: async (x) => {
      setDone(t(venture ? 'enterprise.register.form.updated' : 'enterprise.register.form.saved', { name: x.name }));
      if (!venture) setV({ name: '', orgNumber: '', kind: '', activity: '', impactArea: '', sdgs: [] });
      await qc.invalidateQueries({ queryKey: regKeys.all });
      onDone?.();
    },
  });
  const fe = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    save.mutate();
  };
  const set = (k: 'name' | 'orgNumber' | 'kind' | 'activity' | 'impactArea') => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setV((x) => ({ ...x, [k]: e.target.value }));
  const form = (
    <form className="form" onSubmit={submit} noValidate>
      <Textfield label={t('enterprise.register.name')} value={v.name} onChange={set('name')} error={fe.name} />
      <Textfield label={t('enterprise.register.orgNumber')} description={t('enterprise.register.orgNumberHelp')} inputMode="numeric" value={v.orgNumber} onChange={set('orgNumber')} error={fe.orgNumber} />
      <Field>
        <Label>{t('enterprise.register.kindLabel')}</Label>
        <Select value={v.kind} onChange={set('kind')} aria-invalid={!!fe.kind}>
          <Select.Option value="">{t('enterprise.register.form.pickKind')}</Select.Option>
          {options.ventureKinds.map((k) => (
            <Select.Option key={k} value={k}>
              {t(`enterprise.kind.${k}`)}
            </Select.Option>
          ))}
        </Select>
        {fe.kind && <ValidationMessage>{fe.kind}</ValidationMessage>}
      </Field>
      <Textfield label={t('enterprise.register.activity')} value={v.activity} onChange={set('activity')} error={fe.activity} />
      <Textfield label={t('enterprise.register.impactArea')} value={v.impactArea} onChange={set('impactArea')} error={fe.impactArea} />
      <Fieldset className="ent-sdgs">
        <Fieldset.Legend>{t('enterprise.register.sdgs')}</Fieldset.Legend>
        {Array.from({ length: options.sdgCount }, (_, i) => i + 1).map((g) => (
          <Checkbox
            key={g}
            label={t('enterprise.register.sdg', { n: g, name: t(`enterprise.sdgName.${g}`) })}
            checked={v.sdgs.includes(g)}
            onChange={(e) => setV((x) => ({ ...x, sdgs: e.target.checked ? [...x.sdgs, g].sort((a, b) => a - b) : x.sdgs.filter((s) => s !== g) }))}
          />
        ))}
        {fe.sdgs && <ValidationMessage>{fe.sdgs}</ValidationMessage>}
      </Fieldset>
      {save.isError && !Object.keys(fe).length && <Alert data-color="danger">{message(save.error)}</Alert>}
      <div aria-live="polite">{done && <Alert data-color="success">{done}</Alert>}</div>
      <Button type="submit" disabled={save.isPending}>
        {t(venture ? 'enterprise.register.form.update' : 'enterprise.register.form.submit')}
      </Button>
    </form>
  );
  if (venture) return form;
  return (
    <details className="ent-form-wrap">
      <summary>{t('enterprise.register.form.title')}</summary>
      {form}
    </details>
  );
}
