import { useMemo, useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Field, Fieldset, Heading, Label, Paragraph, Select, Textarea, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { checkTenderRules, type CriterionKind } from '@omstilling/core/procurement/rules';
import { PRICE_MODEL_FORMULAS } from '@omstilling/core/procurement/evaluation';
import { api, ApiError } from '../app/api';
import { PageHeading } from '../app/ui/PageHeading';
import { AppLink } from '../app/ui/AppLink';
import { Loading, QueryError, useErrorMessage } from '../app/ui/Status';
import { prKeys, useLibrary } from './queries';
import type { Tender, TenderCriterion } from './types';
import './procurement.css';

const KINDS: CriterionKind[] = ['price', 'lcc', 'environment', 'quality', 'other'];
const PROCEDURES = ['open', 'restricted', 'negotiated', 'competitive_dialogue', 'below_threshold', 'direct'];
const GROUPS = ['vehicles', 'food', 'furniture', 'ict', 'cleaning', 'construction', 'office_supplies', 'textiles', 'energy', 'general'];
const parseNum = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.replace(/\s/g, '').replace(',', '.')));

/** Builds a tender from the library: criteria with weights, requirements, and the 30 % rule checked as you type. */
export function TenderBuilderPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const errorMessage = useErrorMessage();
  const library = useLibrary();
  const [v, setV] = useState({ reference: '', title: '', description: '', cpv: '', value: '', procedure: 'open', model: 'linear', exceptionKind: '', justification: '' });
  const [criteria, setCriteria] = useState<(TenderCriterion & { weightText: string })[]>([
    { id: 'price', kind: 'price', name: t('procurement.builder.defaultPrice'), weight: 70, weightText: '70' },
    { id: 'quality', kind: 'quality', name: t('procurement.builder.defaultQuality'), weight: 30, weightText: '30' },
  ]);
  const [requirements, setRequirements] = useState<string[]>([]);
  const [lots, setLots] = useState<{ title: string; value: string }[]>([]);
  const [group, setGroup] = useState('vehicles');
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }));

  const exception = v.exceptionKind ? { kind: v.exceptionKind as 'specification' | 'insignificant', justification: v.justification } : null;
  const rules = useMemo(
    () => checkTenderRules({ estimatedValueNok: parseNum(v.value) || 0, criteria: criteria.map((c) => ({ ...c, weight: parseNum(c.weightText) })), exception }),
    [v.value, criteria, v.exceptionKind, v.justification],
  );

  const updateCriterion = (i: number, patch: Partial<TenderCriterion & { weightText: string }>) => setCriteria((cs) => cs.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const toggleLibrary = (key: string, title: string, type: string, on: boolean) => {
    if (type === 'award') setCriteria((cs) => (on ? [...cs, { id: key.slice(0, 40), kind: 'environment', name: title, weight: 0, weightText: '0', libraryKey: key }] : cs.filter((c) => c.libraryKey !== key)));
    else setRequirements((rs) => (on ? [...rs, key] : rs.filter((r) => r !== key)));
  };
  const chosen = (key: string) => requirements.includes(key) || criteria.some((c) => c.libraryKey === key);

  const save = useMutation({
    mutationFn: () =>
      api<Tender>('/procurement/tenders', {
        method: 'POST',
        body: {
          reference: v.reference,
          title: v.title,
          description: v.description,
          cpv: v.cpv.trim(),
          estimatedValueNok: parseNum(v.value),
          procedure: v.procedure,
          priceModel: v.model === 'linear' ? { kind: 'linear', maxPoints: 10, slope: 1, floorAtZero: true } : { kind: v.model, maxPoints: 10 },
          criteria: criteria.map(({ weightText, ...c }) => ({ ...c, weight: parseNum(weightText) })),
          requirementKeys: requirements,
          lots: lots.filter((l) => l.title.trim()).map((l, i) => ({ id: `lot-${i + 1}`, title: l.title, estimatedValueNok: l.value ? parseNum(l.value) : null })),
          exception,
        },
      }),
    onSuccess: (tender) => {
      void qc.invalidateQueries({ queryKey: prKeys.tenders() });
      void navigate({ to: '/procurement/tenders/$id', params: { id: tender.id } });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const ruleError = rules.errors.find((x) => x.code === 'ENV_WEIGHT_BELOW_30' || x.code === 'ENV_NOT_TOP_THREE');

  return (
    <>
      <PageHeading>{t('procurement.builder.title')}</PageHeading>
      <Paragraph className="lead">{t('procurement.builder.intro')}</Paragraph>
      <Paragraph>
        <AppLink to="/procurement">{t('procurement.back')}</AppLink>
      </Paragraph>
      <form onSubmit={submit} noValidate>
        <section className="pr-card" aria-labelledby="pr-basics">
          <Heading level={2} data-size="sm" id="pr-basics">
            {t('procurement.builder.basics')}
          </Heading>
          <div className="pr-grid">
            <Textfield label={t('procurement.fields.reference')} value={v.reference} onChange={set('reference')} />
            <Textfield label={t('procurement.fields.title')} value={v.title} onChange={set('title')} />
            <Textfield label={t('procurement.fields.cpv')} description={t('procurement.builder.cpvHelp')} value={v.cpv} onChange={set('cpv')} />
            <Textfield label={t('procurement.fields.estimatedValue')} description={t('procurement.builder.valueHelp')} inputMode="numeric" value={v.value} onChange={set('value')} />
            <Field>
              <Label>{t('procurement.fields.procedure')}</Label>
              <Select value={v.procedure} onChange={set('procedure')}>
                {PROCEDURES.map((p) => (
                  <Select.Option key={p} value={p}>
                    {t(`procurement.procedures.${p}`)}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Field>
              <Label>{t('procurement.fields.priceModel')}</Label>
              <Select value={v.model} onChange={set('model')}>
                <Select.Option value="linear">{t('procurement.models.linear')}</Select.Option>
                <Select.Option value="proportional">{t('procurement.models.proportional')}</Select.Option>
                <Select.Option value="quality_adjusted">{t('procurement.models.quality_adjusted')}</Select.Option>
              </Select>
            </Field>
          </div>
          <Paragraph data-size="sm">
            {t('procurement.builder.formula')} <span className="pr-formula">{PRICE_MODEL_FORMULAS[v.model as 'linear' | 'proportional' | 'quality_adjusted'].nb}</span>
          </Paragraph>
          <Field>
            <Label>{t('procurement.fields.description')}</Label>
            <Textarea rows={2} value={v.description} onChange={set('description')} />
          </Field>
          <Heading level={3} data-size="xs">
            {t('procurement.builder.lots')}
          </Heading>
          <Paragraph data-size="sm">{t('procurement.builder.lotsHelp')}</Paragraph>
          {lots.map((l, i) => (
            <div className="pr-criterion-row" key={i}>
              <Textfield label={t('procurement.builder.lotTitle', { n: i + 1 })} value={l.title} onChange={(e) => setLots((ls) => ls.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)))} />
              <Textfield label={t('procurement.builder.lotValue', { n: i + 1 })} inputMode="numeric" value={l.value} onChange={(e) => setLots((ls) => ls.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))} />
              <span />
              <Button type="button" variant="tertiary" data-size="sm" onClick={() => setLots((ls) => ls.filter((_, j) => j !== i))}>
                {t('procurement.builder.removeLot', { n: i + 1 })}
              </Button>
            </div>
          ))}
          <Button type="button" variant="secondary" data-size="sm" onClick={() => setLots((ls) => [...ls, { title: '', value: '' }])}>
            {t('procurement.builder.addLot')}
          </Button>
        </section>

        <section className="pr-card" aria-labelledby="pr-library">
          <Heading level={2} data-size="sm" id="pr-library">
            {t('procurement.builder.library')}
          </Heading>
          <Paragraph data-size="sm">{t('procurement.builder.libraryHelp')}</Paragraph>
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
          {library.isPending ? (
            <Loading />
          ) : library.isError ? (
            <QueryError error={library.error} />
          ) : (
            <Fieldset className="pr-library">
              <Fieldset.Legend>{t('procurement.builder.pick', { group: t(`procurement.groups.${group}`) })}</Fieldset.Legend>
              {library.data
                .filter((c) => c.productGroup === group && c.active)
                .map((c) => (
                  <Checkbox
                    key={c.key}
                    label={`${c.title} (${t(`procurement.types.${c.type}`)}, ${t(`procurement.levels.${c.level}`)})`}
                    description={c.text}
                    checked={chosen(c.key)}
                    onChange={(e) => toggleLibrary(c.key, c.title, c.type, e.target.checked)}
                  />
                ))}
            </Fieldset>
          )}
        </section>

        <section className="pr-card" aria-labelledby="pr-criteria">
          <Heading level={2} data-size="sm" id="pr-criteria">
            {t('procurement.builder.criteria')}
          </Heading>
          {criteria.map((c, i) => (
            <div className="pr-criterion-row" key={`${c.id}-${i}`}>
              <Textfield label={t('procurement.builder.criterionName', { n: i + 1 })} value={c.name} onChange={(e) => updateCriterion(i, { name: e.target.value })} />
              <Field>
                <Label>{t('procurement.builder.criterionKind', { n: i + 1 })}</Label>
                <Select value={c.kind} onChange={(e) => updateCriterion(i, { kind: e.target.value as CriterionKind })}>
                  {KINDS.map((k) => (
                    <Select.Option key={k} value={k}>
                      {t(`procurement.kinds.${k}`)}
                    </Select.Option>
                  ))}
                </Select>
              </Field>
              <Textfield label={t('procurement.builder.criterionWeight', { n: i + 1 })} inputMode="decimal" value={c.weightText} onChange={(e) => updateCriterion(i, { weightText: e.target.value })} />
              <Button type="button" variant="tertiary" data-size="sm" onClick={() => setCriteria((cs) => cs.filter((_, j) => j !== i))}>
                {t('procurement.builder.remove', { name: c.name || i + 1 })}
              </Button>
            </div>
          ))}
          <Button type="button" variant="secondary" data-size="sm" onClick={() => setCriteria((cs) => [...cs, { id: `c${cs.length + 1}`, kind: 'environment', name: '', weight: 0, weightText: '0' }])}>
            {t('procurement.builder.addCriterion')}
          </Button>
          <div aria-live="polite" className="pr-rule">
            <Alert data-color={rules.errors.length ? 'danger' : rules.exceptionUsed || rules.warnings.length ? 'warning' : 'success'}>
              <Heading level={3} data-size="xs">
                {ruleError ? t('procurement.rule.stopped') : rules.errors.length ? t('procurement.rule.fix') : t('procurement.rule.checked')}
              </Heading>
              <Paragraph>{rules.explanation}</Paragraph>
              {rules.errors
                .filter((x) => x !== ruleError)
                .map((x) => (
                  <Paragraph key={x.code} data-size="sm">
                    {x.message}
                  </Paragraph>
                ))}
            </Alert>
          </div>
        </section>

        <section className="pr-card" aria-labelledby="pr-exception">
          <Heading level={2} data-size="sm" id="pr-exception">
            {t('procurement.builder.exception')}
          </Heading>
          <Paragraph data-size="sm">{t('procurement.builder.exceptionHelp')}</Paragraph>
          <Field>
            <Label>{t('procurement.fields.exceptionKind')}</Label>
            <Select value={v.exceptionKind} onChange={set('exceptionKind')}>
              <Select.Option value="">{t('procurement.exceptions.none')}</Select.Option>
              <Select.Option value="specification">{t('procurement.exceptions.specification')}</Select.Option>
              <Select.Option value="insignificant">{t('procurement.exceptions.insignificant')}</Select.Option>
            </Select>
          </Field>
          {v.exceptionKind && (
            <Field>
              <Label>{t('procurement.fields.justification')}</Label>
              <Textarea rows={3} value={v.justification} onChange={set('justification')} />
            </Field>
          )}
        </section>

        <div aria-live="polite">
          {save.isError && (
            <Alert data-color="danger">
              <Paragraph>{errorMessage(save.error)}</Paragraph>
              {save.error instanceof ApiError && save.error.details.length > 0 && (
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
            {t('procurement.builder.save')}
          </Button>
        </div>
        <Paragraph data-size="sm">{t('procurement.builder.saveHelp')}</Paragraph>
      </form>
    </>
  );
}
