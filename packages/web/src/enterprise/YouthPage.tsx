import { useState, type FormEvent } from 'react';
import { Alert, Button, Field, Heading, Label, Paragraph, Select, Table, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../app/api';
import { can, useSession } from '../app/auth';
import { useFormat } from '../app/format';
import { PageHeading } from '../app/ui/PageHeading';
import { Pager } from '../app/ui/Pager';
import { Loading, QueryError, useErrorMessage } from '../app/ui/Status';
import { EnterpriseNav } from './EnterpriseNav';
import { regKeys, useRegisterOptions, useYouth } from './register-queries';
import type { RegisterOptions, Youth, YouthPage as YouthAnswer } from './register-types';
import './enterprise.css';

const PAGE = 25;

/** Pupil and youth companies (A5): counts per year, the list by year, and a form for enterprise editors. */
export function YouthPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { user } = useSession();
  const options = useRegisterOptions();
  const [p, setP] = useState<{ year?: number; page: number }>({ page: 1 });
  const youth = useYouth({ year: p.year, limit: PAGE, offset: (p.page - 1) * PAGE });
  return (
    <>
      <PageHeading>{t('enterprise.youth.title')}</PageHeading>
      <EnterpriseNav />
      <Paragraph className="lead">{t('enterprise.youth.intro')}</Paragraph>
      {can.editDomain(user, 'enterprise') && options.data && <YouthForm options={options.data} />}
      {youth.isPending ? (
        <Loading />
      ) : youth.isError ? (
        <QueryError error={youth.error} />
      ) : (
        <>
          <PerYear data={youth.data} />
          <section className="block" aria-labelledby="ent-youth-list">
            <Heading level={2} data-size="sm" id="ent-youth-list">
              {t('enterprise.youth.listTitle')}
            </Heading>
            <Field className="ent-filter">
              <Label>{t('enterprise.youth.yearFilter')}</Label>
              <Select value={p.year ?? ''} onChange={(e) => setP({ year: e.target.value ? Number(e.target.value) : undefined, page: 1 })}>
                <Select.Option value="">{t('enterprise.youth.allYears')}</Select.Option>
                {[...youth.data.perYear].reverse().map((y) => (
                  <Select.Option key={y.year} value={y.year}>
                    {y.year}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            {youth.data.items.length === 0 ? (
              <Paragraph>{t('enterprise.youth.empty')}</Paragraph>
            ) : (
              <>
                <Paragraph data-size="sm" role="status">
                  {t('enterprise.youth.count', { count: youth.data.total })}
                </Paragraph>
                <div className="table-wrap">
                  <Table zebra border data-size="sm">
                    <caption className="ds-sr-only">{t('enterprise.youth.listTitle')}</caption>
                    <Table.Head>
                      <Table.Row>
                        <Table.HeaderCell>{t('enterprise.youth.name')}</Table.HeaderCell>
                        <Table.HeaderCell>{t('enterprise.youth.year')}</Table.HeaderCell>
                        <Table.HeaderCell>{t('enterprise.youth.school')}</Table.HeaderCell>
                        <Table.HeaderCell>{t('enterprise.youth.idea')}</Table.HeaderCell>
                        <Table.HeaderCell className="num">{t('enterprise.youth.participants')}</Table.HeaderCell>
                        <Table.HeaderCell>{t('enterprise.youth.outcome')}</Table.HeaderCell>
                        <Table.HeaderCell>{t('enterprise.youth.support')}</Table.HeaderCell>
                      </Table.Row>
                    </Table.Head>
                    <Table.Body>
                      {youth.data.items.map((c: Youth) => (
                        <Table.Row key={c.id}>
                          <Table.HeaderCell scope="row">{c.name}</Table.HeaderCell>
                          <Table.Cell>{c.year}</Table.Cell>
                          <Table.Cell>{c.school}</Table.Cell>
                          <Table.Cell>{c.idea}</Table.Cell>
                          <Table.Cell className="num">{f.number(c.participants)}</Table.Cell>
                          <Table.Cell>
                            <Tag data-size="sm" data-color={c.outcome === 'continued' || c.outcome === 'prize' ? 'success' : c.outcome === 'closed' ? 'warning' : 'neutral'}>
                              {t(`enterprise.outcome.${c.outcome}`)}
                            </Tag>
                            {c.orgNumber && <span className="ent-sub"> {f.orgNumber(c.orgNumber)}</span>}
                            {c.prize && <span className="ent-sub"> {c.prize}</span>}
                          </Table.Cell>
                          <Table.Cell>
                            {c.support}
                            {c.supportNok ? <span className="ent-sub"> ({t('enterprise.youth.kr', { amount: f.number(c.supportNok, 0) })})</span> : null}
                          </Table.Cell>
                        </Table.Row>
                      ))}
                    </Table.Body>
                  </Table>
                </div>
                <Pager page={p.page} total={youth.data.total} pageSize={PAGE} onChange={(page) => setP((x) => ({ ...x, page }))} />
              </>
            )}
          </section>
        </>
      )}
    </>
  );
}

function PerYear({ data }: { data: YouthAnswer }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!data.perYear.length) return <Paragraph>{t('enterprise.youth.empty')}</Paragraph>;
  return (
    <section className="block" aria-labelledby="ent-youth-years">
      <Heading level={2} data-size="sm" id="ent-youth-years">
        {t('enterprise.youth.perYearTitle')}
      </Heading>
      <div className="table-wrap">
        <Table zebra border data-size="sm">
          <caption>{t('enterprise.youth.perYearCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('enterprise.youth.year')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('enterprise.youth.companies')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('enterprise.youth.participants')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('enterprise.youth.continued')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('enterprise.youth.supportNok')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {data.perYear.map((y) => (
              <Table.Row key={y.year}>
                <Table.HeaderCell scope="row">{y.year}</Table.HeaderCell>
                <Table.Cell className="num">{f.number(y.count)}</Table.Cell>
                <Table.Cell className="num">{f.number(y.participants)}</Table.Cell>
                <Table.Cell className="num">{f.number(y.continued)}</Table.Cell>
                <Table.Cell className="num">{f.number(y.supportNok, 0)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </section>
  );
}

function YouthForm({ options }: { options: RegisterOptions }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const year = Number(options.today.slice(0, 4));
  const empty = { name: '', school: '', schoolName: '', year: String(year), idea: '', participants: '', outcome: 'ongoing', orgNumber: '', prize: '', support: '', supportNok: '' };
  const [v, setV] = useState(empty);
  const [done, setDone] = useState<string | null>(null);
  const num = (s: string) => (s.trim() === '' ? null : Number(s.replace(/\s/g, '').replace(',', '.')));
  const save = useMutation({
    mutationFn: () =>
      api<Youth>('/enterprise/youth-companies', {
        method: 'POST',
        body: { name: v.name, schoolUnitId: v.school && v.school !== 'other' ? v.school : null, schoolName: v.school === 'other' ? v.schoolName : null, year: Number(v.year), idea: v.idea, participants: num(v.participants) ?? 0, outcome: v.outcome, orgNumber: v.orgNumber.trim() || null, prize: v.prize.trim() || null, support: v.support, supportNok: num(v.supportNok) },
      }),
    onSuccess: async (c) => {
      setDone(t('enterprise.youth.saved', { name: c.name, year: c.year }));
      setV(empty);
      await qc.invalidateQueries({ queryKey: regKeys.all });
    },
  });
  const fe = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const set = (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setV((x) => ({ ...x, [k]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    save.mutate();
  };
  return (
    <details className="ent-form-wrap">
      <summary>{t('enterprise.youth.formTitle')}</summary>
      <form className="form" onSubmit={submit} noValidate>
        <Textfield label={t('enterprise.youth.name')} value={v.name} onChange={set('name')} error={fe.name} />
        <Field>
          <Label>{t('enterprise.youth.school')}</Label>
          <Select value={v.school} onChange={set('school')} aria-invalid={!!fe.school}>
            <Select.Option value="">{t('enterprise.youth.pickSchool')}</Select.Option>
            {options.schools.map((s) => (
              <Select.Option key={s.id} value={s.id}>
                {s.name}
              </Select.Option>
            ))}
            <Select.Option value="other">{t('enterprise.youth.otherSchool')}</Select.Option>
          </Select>
          {fe.school && <ValidationMessage>{fe.school}</ValidationMessage>}
        </Field>
        {v.school === 'other' && <Textfield label={t('enterprise.youth.schoolName')} value={v.schoolName} onChange={set('schoolName')} />}
        <Textfield label={t('enterprise.youth.year')} inputMode="numeric" value={v.year} onChange={set('year')} error={fe.year} />
        <Textfield label={t('enterprise.youth.idea')} value={v.idea} onChange={set('idea')} error={fe.idea} />
        <Textfield label={t('enterprise.youth.participants')} inputMode="numeric" value={v.participants} onChange={set('participants')} error={fe.participants} />
        <Field>
          <Label>{t('enterprise.youth.outcome')}</Label>
          <Select value={v.outcome} onChange={set('outcome')} aria-invalid={!!fe.outcome}>
            {options.youthOutcomes.map((o) => (
              <Select.Option key={o} value={o}>
                {t(`enterprise.outcome.${o}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        {(v.outcome === 'continued' || v.orgNumber) && <Textfield label={t('enterprise.youth.orgNumber')} inputMode="numeric" value={v.orgNumber} onChange={set('orgNumber')} error={fe.orgNumber} />}
        {v.outcome === 'prize' && <Textfield label={t('enterprise.youth.prize')} value={v.prize} onChange={set('prize')} error={fe.prize} />}
        <Textfield label={t('enterprise.youth.support')} description={t('enterprise.youth.supportHelp')} value={v.support} onChange={set('support')} error={fe.support} />
        <Textfield label={t('enterprise.youth.supportNokLabel')} inputMode="numeric" value={v.supportNok} onChange={set('supportNok')} error={fe.supportNok} />
        {save.isError && !Object.keys(fe).length && <Alert data-color="danger">{message(save.error)}</Alert>}
        <div aria-live="polite">{done && <Alert data-color="success">{done}</Alert>}</div>
        <Button type="submit" disabled={save.isPending}>
          {t('enterprise.youth.submit')}
        </Button>
      </form>
    </details>
  );
}
