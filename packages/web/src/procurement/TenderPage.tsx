import { useState, type FormEvent } from 'react';
import { Alert, Button, Field, Heading, Label, Link, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api, apiUrl, ApiError } from '../app/api';
import { useFormat } from '../app/format';
import { PageHeading } from '../app/ui/PageHeading';
import { AppLink } from '../app/ui/AppLink';
import { Loading, QueryError, useErrorMessage } from '../app/ui/Status';
import { prKeys, useEvaluation, useTender } from './queries';
import type { Evaluation, Tender } from './types';
import './procurement.css';

const parseNum = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.replace(/\s/g, '').replace(',', '.')));

function Problem({ error }: { error: unknown }) {
  const message = useErrorMessage();
  return (
    <Alert data-color="danger">
      <Paragraph>{message(error)}</Paragraph>
      {error instanceof ApiError && error.details.length > 0 && (
        <ul className="pr-list">
          {error.details.map((d, i) => (
            <li key={i}>{d.message}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

/** One tender: the rule check, publication, bids with the evaluation and its formulas, reports, award. */
export function TenderPage() {
  const { id } = useParams({ from: '/signed-in/procurement/tenders/$id' });
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const tender = useTender(id);
  const refresh = () => void qc.invalidateQueries({ queryKey: prKeys.all });
  const publish = useMutation({ mutationFn: () => api<Tender>(`/procurement/tenders/${encodeURIComponent(id)}/publish`, { method: 'POST', body: {} }), onSuccess: refresh });
  if (tender.isPending) return <Loading />;
  if (tender.isError) return <QueryError error={tender.error} />;
  const x = tender.data;
  return (
    <>
      <PageHeading>{x.title}</PageHeading>
      <Paragraph>
        <AppLink to="/procurement">{t('procurement.back')}</AppLink>
      </Paragraph>
      <dl className="pr-grid pr-facts">
        <div>
          <dt>{t('procurement.fields.reference')}</dt>
          <dd>{x.reference}</dd>
        </div>
        <div>
          <dt>{t('procurement.fields.cpv')}</dt>
          <dd>
            {x.cpv} {x.cpvName}
          </dd>
        </div>
        <div>
          <dt>{t('procurement.fields.estimatedValue')}</dt>
          <dd>
            {f.number(x.estimatedValueNok, 0)} {x.currency === 'NOK' ? 'kr' : x.currency}
          </dd>
        </div>
        <div>
          <dt>{t('procurement.fields.status')}</dt>
          <dd>{t(`procurement.status.${x.status}`)}</dd>
        </div>
      </dl>
      <Alert data-color={x.rules.errors.length ? 'danger' : x.exceptionUsed ? 'warning' : 'success'}>
        <Heading level={2} data-size="xs">
          {t('procurement.rule.heading')}
        </Heading>
        <Paragraph>{x.rules.explanation}</Paragraph>
        {x.exception && (
          <Paragraph data-size="sm">
            {t('procurement.fields.justification')}: {x.exception.justification}
          </Paragraph>
        )}
      </Alert>
      {x.status === 'draft' && (
        <div className="pr-actions">
          <Button onClick={() => publish.mutate()} disabled={publish.isPending}>
            {t('procurement.tender.publish')}
          </Button>
        </div>
      )}
      <div aria-live="polite">{publish.isError && <Problem error={publish.error} />}</div>
      {x.requirements.length > 0 && (
        <section aria-labelledby="pr-reqs">
          <Heading level={2} data-size="sm" id="pr-reqs">
            {t('procurement.tender.requirements')}
          </Heading>
          <ul className="pr-list">
            {x.requirements.map((r) => (
              <li key={r.key}>
                {r.title} ({t(`procurement.types.${r.type}`)}; {t(`procurement.checks.${r.checkKind}`)})
              </li>
            ))}
          </ul>
        </section>
      )}
      {x.status !== 'draft' && <EvaluationSection tender={x} onChange={refresh} />}
    </>
  );
}

function EvaluationSection({ tender, onChange }: { tender: Tender; onChange: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const ev = useEvaluation(tender.id);
  if (ev.isPending) return <Loading />;
  if (ev.isError) return <QueryError error={ev.error} />;
  const e = ev.data;
  const supplier = new Map(e.bids.map((b) => [b.label, b.supplierName]));
  const kr = (n: number | null | undefined) => (n === null || n === undefined ? '–' : `${f.number(Math.round(n), 0)} kr`);
  return (
    <section aria-labelledby="pr-eval" className="pr-card">
      <Heading level={2} data-size="sm" id="pr-eval">
        {t('procurement.eval.title')}
      </Heading>
      <Paragraph data-size="sm">
        {t('procurement.eval.priceFormula')} <span className="pr-formula">{e.formulas.price}</span>
      </Paragraph>
      <Paragraph data-size="sm">
        {t('procurement.eval.totalFormula')} <span className="pr-formula">{e.formulas.total}</span>
      </Paragraph>
      {e.ranking.length > 0 ? (
        <div className="pr-scroll" tabIndex={0} role="region" aria-label={t('procurement.eval.caption')}>
        <Table className="pr-table" data-size="sm">
          <caption>{t('procurement.eval.caption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell className="pr-num">{t('procurement.eval.rank')}</Table.HeaderCell>
              <Table.HeaderCell>{t('procurement.eval.bid')}</Table.HeaderCell>
              <Table.HeaderCell className="pr-num">{t('procurement.eval.price')}</Table.HeaderCell>
              <Table.HeaderCell className="pr-num">{t('procurement.eval.lcc')}</Table.HeaderCell>
              <Table.HeaderCell className="pr-num">{t('procurement.eval.climateCost')}</Table.HeaderCell>
              {tender.criteria.map((c) => (
                <Table.HeaderCell key={c.id} className="pr-num">
                  {c.name} ({f.number(c.weight ?? 0)} %)
                </Table.HeaderCell>
              ))}
              <Table.HeaderCell className="pr-num">{t('procurement.eval.total')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {e.ranking.map((r) => (
              <Table.Row key={r.bid}>
                <Table.Cell className="pr-num">{r.rank}</Table.Cell>
                <Table.HeaderCell scope="row">
                  {r.bid} – {supplier.get(r.bid)}
                  {e.winner === r.bid && ` (${t('procurement.eval.winner')})`}
                </Table.HeaderCell>
                <Table.Cell className="pr-num">{kr(r.priceNok)}</Table.Cell>
                <Table.Cell className="pr-num">{kr(r.lcc?.lccNok)}</Table.Cell>
                <Table.Cell className="pr-num">{kr(r.lcc?.carbonNok)}</Table.Cell>
                {tender.criteria.map((c) => (
                  <Table.Cell key={c.id} className="pr-num">
                    {f.number(r.points[c.id], 2)}
                  </Table.Cell>
                ))}
                <Table.Cell className="pr-num">{f.number(r.total, 2)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        </div>
      ) : (
        <Paragraph>{t('procurement.eval.noRanking')}</Paragraph>
      )}
      {e.sensitivity && <Paragraph>{t('procurement.eval.sensitivity', { winner: e.sensitivity.winner, from: f.number(e.sensitivity.from), to: f.number(e.sensitivity.to), weight: f.number(e.sensitivity.envWeight) })}</Paragraph>}
      {[...e.errors, ...e.warnings].length > 0 && (
        <div aria-live="polite">
          <Heading level={3} data-size="xs">
            {t('procurement.eval.findings')}
          </Heading>
          <ul className="pr-list">
            {e.errors.map((w, i) => (
              <li key={`e${i}`}>
                <strong>{t('procurement.eval.error')}:</strong> {w.message}
              </li>
            ))}
            {e.warnings.map((w, i) => (
              <li key={`w${i}`}>
                <strong>{w.code === 'RANK_REVERSAL' ? t('procurement.eval.rankReversal') : t('procurement.eval.warning')}:</strong> {w.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <Paragraph data-size="sm">{t('procurement.eval.carbon', { name: e.carbonPricePath.name, unit: e.carbonPricePath.unit, version: e.carbonPricePath.version })}</Paragraph>
      <div className="pr-actions">
        <Link href={apiUrl(`/procurement/tenders/${tender.id}/report.pdf`)} download>
          {t('procurement.eval.pdf')}
        </Link>
        <Link href={apiUrl(`/procurement/tenders/${tender.id}/report.xlsx`)} download>
          {t('procurement.eval.xlsx')}
        </Link>
        <Link href={apiUrl('/procurement/ocds', { tender: tender.id })} download>
          {t('procurement.eval.ocds')}
        </Link>
      </div>
      {tender.status === 'published' && <BidForm tender={tender} onSaved={onChange} />}
      {tender.status === 'published' && e.ranking.length > 0 && <AwardForm evaluation={e} onSaved={onChange} />}
      {tender.status === 'awarded' && (
        <Paragraph>
          <AppLink to="/procurement/follow-up">{t('procurement.tender.followUp')}</AppLink>
        </Paragraph>
      )}
    </section>
  );
}

function BidForm({ tender, onSaved }: { tender: Tender; onSaved: () => void }) {
  const { t } = useTranslation();
  const scored = tender.criteria.filter((c) => c.kind !== 'price' && c.kind !== 'lcc');
  const [v, setV] = useState<Record<string, string>>({ label: '', supplierName: '', price: '' });
  const save = useMutation({
    mutationFn: () =>
      api(`/procurement/tenders/${encodeURIComponent(tender.id)}/bids`, {
        method: 'POST',
        body: { label: v.label, supplierName: v.supplierName, priceNok: v.price ? parseNum(v.price) : null, points: Object.fromEntries(scored.map((c) => [c.id, v[`p-${c.id}`] ? parseNum(v[`p-${c.id}`]!) : null])) },
      }),
    onSuccess: () => {
      setV({ label: '', supplierName: '', price: '' });
      onSaved();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const set = (k: string) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }));
  return (
    <form onSubmit={submit} noValidate className="pr-card" aria-labelledby="pr-bid">
      <Heading level={3} data-size="xs" id="pr-bid">
        {t('procurement.bid.title')}
      </Heading>
      <div className="pr-grid">
        <Textfield label={t('procurement.bid.label')} value={v.label ?? ''} onChange={set('label')} />
        <Textfield label={t('procurement.bid.supplier')} value={v.supplierName ?? ''} onChange={set('supplierName')} />
        <Textfield label={t('procurement.bid.price')} inputMode="numeric" value={v.price ?? ''} onChange={set('price')} />
        {scored.map((c) => (
          <Textfield key={c.id} label={t('procurement.bid.points', { name: c.name })} inputMode="decimal" value={v[`p-${c.id}`] ?? ''} onChange={set(`p-${c.id}`)} />
        ))}
      </div>
      <div aria-live="polite">{save.isError && <Problem error={save.error} />}</div>
      <Button type="submit" disabled={save.isPending}>
        {t('procurement.bid.save')}
      </Button>
    </form>
  );
}

function AwardForm({ evaluation, onSaved }: { evaluation: Evaluation; onSaved: () => void }) {
  const { t } = useTranslation();
  const winner = evaluation.bids.find((b) => b.label === evaluation.winner) ?? evaluation.bids[0]!;
  const [v, setV] = useState({ bidId: '', startDate: '', endDate: '' });
  // The winner until the officer picks another bid (the winner changes as bids come in).
  const bidId = v.bidId || winner.id;
  const award = useMutation({ mutationFn: () => api(`/procurement/tenders/${encodeURIComponent(evaluation.tender.id)}/award`, { method: 'POST', body: { ...v, bidId } }), onSuccess: onSaved });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    award.mutate();
  };
  return (
    <form onSubmit={submit} noValidate className="pr-card" aria-labelledby="pr-award">
      <Heading level={3} data-size="xs" id="pr-award">
        {t('procurement.award.title')}
      </Heading>
      <Paragraph data-size="sm">{t('procurement.award.help')}</Paragraph>
      <div className="pr-grid">
        <Field>
          <Label>{t('procurement.award.bid')}</Label>
          <Select value={bidId} onChange={(e) => setV((x) => ({ ...x, bidId: e.target.value }))}>
            {evaluation.bids.map((b) => (
              <Select.Option key={b.id} value={b.id}>
                {b.label} – {b.supplierName}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield type="date" label={t('procurement.award.start')} value={v.startDate} onChange={(e) => setV((x) => ({ ...x, startDate: e.target.value }))} />
        <Textfield type="date" label={t('procurement.award.end')} value={v.endDate} onChange={(e) => setV((x) => ({ ...x, endDate: e.target.value }))} />
      </div>
      <div aria-live="polite">{award.isError && <Problem error={award.error} />}</div>
      <Button type="submit" disabled={award.isPending}>
        {t('procurement.award.save')}
      </Button>
    </form>
  );
}
