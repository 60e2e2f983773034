import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Field, Heading, Label, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../app/api';
import { useFormat } from '../app/format';
import { AppLink } from '../app/ui/AppLink';
import { PageHeading } from '../app/ui/PageHeading';
import { Loading, QueryError, useErrorMessage } from '../app/ui/Status';
import { useText } from './EconomyPage';
import { econKeys, useRules } from './queries';
import type { Rule, RuleVersion, RulesView } from './types';
import './economy.css';

/** The classification rules: the version in force, every earlier version, and (for editors) a new version. */
export function RulesPage() {
  const { t } = useTranslation();
  const rules = useRules();
  return (
    <>
      <Paragraph data-size="sm">
        <AppLink to="/economy">{t('economy.rules.back')}</AppLink>
      </Paragraph>
      <PageHeading>{t('economy.rules.title')}</PageHeading>
      <Paragraph className="lead">{t('economy.rules.intro')}</Paragraph>
      {rules.isPending ? <Loading /> : rules.isError ? <QueryError error={rules.error} /> : <RulesBody v={rules.data} />}
    </>
  );
}

function RulesBody({ v }: { v: RulesView }) {
  const { t } = useTranslation();
  const f = useFormat();
  const current = v.versions.find((x) => x.validFrom === v.current) ?? v.versions[v.versions.length - 1]!;
  const [shown, setShown] = useState(current.validFrom);
  // Saving makes a new current version, which remounts the form below; the confirmation lives here.
  const [savedFrom, setSavedFrom] = useState<string | null>(null);
  const version = v.versions.find((x) => x.validFrom === shown) ?? current;
  const label = (x: RuleVersion) => (x.builtIn ? t('economy.rules.builtIn') : t('economy.rules.from', { date: f.date(x.validFrom) }));
  return (
    <>
      <Field className="econ-snapshot">
        <Label htmlFor="econ-version">{t('economy.rules.version')}</Label>
        <Select id="econ-version" value={shown} onChange={(e) => setShown(e.target.value)}>
          {v.versions.map((x) => (
            <Select.Option key={x.validFrom} value={x.validFrom}>
              {label(x)}
              {x.validFrom === v.current ? ` – ${t('economy.rules.inForce')}` : ''}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {!version.builtIn && <Paragraph data-size="sm">{t('economy.rules.savedBy', { by: version.createdBy, when: f.dateTime(version.createdAt) })}</Paragraph>}
      <RuleTable version={version} />
      <Sources version={version} />
      {v.canEdit && <NewVersion key={current.validFrom} base={current} today={v.today} onSaved={setSavedFrom} />}
      <div aria-live="polite">
        {savedFrom && (
          <Alert data-color="success" className="block" role="status">
            <Paragraph>{t('economy.rules.saved', { date: savedFrom })}</Paragraph>
          </Alert>
        )}
      </div>
    </>
  );
}

function RuleTable({ version }: { version: RuleVersion }) {
  const { t } = useTranslation();
  const f = useFormat();
  const text = useText();
  return (
    <div className="table-wrap">
      <Table zebra border data-size="sm">
        <caption>{t('economy.rules.caption', { count: version.ruleSet.rules.length })}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('economy.rules.match')}</Table.HeaderCell>
            <Table.HeaderCell>{t('economy.rules.class')}</Table.HeaderCell>
            <Table.HeaderCell className="num">{t('economy.rules.share')}</Table.HeaderCell>
            <Table.HeaderCell>{t('economy.rules.rationale')}</Table.HeaderCell>
            <Table.HeaderCell>{t('economy.rules.caveat')}</Table.HeaderCell>
            <Table.HeaderCell>{t('economy.rules.sources')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {version.ruleSet.rules.map((r) => (
            <Table.Row key={r.id}>
              <Table.HeaderCell scope="row">
                {r.basis === 'code' ? t('economy.rules.byCode', { code: r.prefix }) : t('economy.rules.byCertification')} <code className="econ-muted">{r.id}</code>
              </Table.HeaderCell>
              <Table.Cell>{t(`economy.class.${r.class}`)}</Table.Cell>
              <Table.Cell className="num">
                {f.number(r.share * 100, 0)} %
                {r.share < 1 && (
                  <Tag data-color="warning" data-size="sm" className="econ-tag">
                    {t('economy.rules.partial')}
                  </Tag>
                )}
              </Table.Cell>
              <Table.Cell>{text(r.rationale)}</Table.Cell>
              <Table.Cell>{r.caveat ? text(r.caveat) : '–'}</Table.Cell>
              <Table.Cell>{r.sources.join(', ')}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

function Sources({ version }: { version: RuleVersion }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="econ-sources" className="block">
      <Heading level={2} data-size="sm" id="econ-sources">
        {t('economy.rules.sourcesTitle')}
      </Heading>
      <dl className="fields">
        {Object.entries(version.ruleSet.sources).map(([k, s]) => (
          <div key={k} style={{ display: 'contents' }}>
            <dt>
              <code>{k}</code>
            </dt>
            <dd>
              {s.url ? <a href={s.url}>{s.title}</a> : s.title} ({s.publisher}){s.note ? `. ${s.note}` : ''}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

interface Draft {
  rule: Rule;
  removed: boolean;
}
const blankRule = (): Rule => ({ id: '', basis: 'code', prefix: '', class: 'green', share: 1, rationale: { nb: '', en: '' }, caveat: null, sources: ['sn2007'] });

/** A new version: change class or share of a rule, remove rules, add one; saved from a date today or later. */
function NewVersion({ base, today, onSaved }: { base: RuleVersion; today: string; onSaved: (validFrom: string) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const errorMessage = useErrorMessage();
  const [validFrom, setValidFrom] = useState(today);
  const [note, setNote] = useState('');
  const [drafts, setDrafts] = useState<Draft[]>(base.ruleSet.rules.map((rule) => ({ rule, removed: false })));
  const [added, setAdded] = useState<Rule | null>(null);
  const save = useMutation({
    mutationFn: () => {
      const rules = [...drafts.filter((d) => !d.removed).map((d) => d.rule), ...(added ? [added] : [])];
      return api<RuleVersion>('/economy/rules', { method: 'POST', body: { validFrom, note: note || null, rules } });
    },
    onSuccess: (saved) => {
      setAdded(null);
      onSaved(saved.validFrom);
      return qc.invalidateQueries({ queryKey: econKeys.all });
    },
  });
  const set = (i: number, patch: Partial<Rule>) => setDrafts((ds) => ds.map((d, j) => (j === i ? { ...d, rule: { ...d.rule, ...patch } } : d)));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const details = save.error instanceof ApiError ? save.error.details : [];
  return (
    <section aria-labelledby="econ-new" className="block econ-rule-edit">
      <Heading level={2} data-size="sm" id="econ-new">
        {t('economy.rules.newTitle')}
      </Heading>
      <Paragraph data-size="sm">{t('economy.rules.newIntro')}</Paragraph>
      <form className="form" onSubmit={onSubmit} noValidate>
        <div className="econ-rule-grid">
          <Textfield label={t('economy.rules.validFrom')} type="date" value={validFrom} min={today} onChange={(e) => setValidFrom(e.target.value)} />
          <Textfield label={t('economy.rules.note')} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        <div className="table-wrap">
          <Table border data-size="sm">
            <caption>{t('economy.rules.editCaption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('economy.rules.match')}</Table.HeaderCell>
                <Table.HeaderCell>{t('economy.rules.class')}</Table.HeaderCell>
                <Table.HeaderCell>{t('economy.rules.shareInput')}</Table.HeaderCell>
                <Table.HeaderCell>{t('economy.rules.remove')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {drafts.map((d, i) => (
                <Table.Row key={d.rule.id}>
                  <Table.HeaderCell scope="row">
                    <code>{d.rule.id}</code>
                  </Table.HeaderCell>
                  <Table.Cell>
                    <Select aria-label={t('economy.rules.classOf', { id: d.rule.id })} value={d.rule.class} disabled={d.rule.basis === 'certification'} onChange={(e) => set(i, { class: e.target.value as Rule['class'] })}>
                      <Select.Option value="oil_gas">{t('economy.class.oil_gas')}</Select.Option>
                      <Select.Option value="green">{t('economy.class.green')}</Select.Option>
                    </Select>
                  </Table.Cell>
                  <Table.Cell>
                    <Textfield aria-label={t('economy.rules.shareOf', { id: d.rule.id })} type="number" min={1} max={100} step={1} value={String(Math.round(d.rule.share * 100))} onChange={(e) => set(i, { share: Number(e.target.value) / 100 })} />
                  </Table.Cell>
                  <Table.Cell>
                    <Checkbox aria-label={t('economy.rules.removeOf', { id: d.rule.id })} checked={d.removed} onChange={(e) => setDrafts((ds) => ds.map((x, j) => (j === i ? { ...x, removed: e.target.checked } : x)))} />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
        {added ? (
          <fieldset className="econ-rule-edit">
            <legend>{t('economy.rules.addTitle')}</legend>
            <div className="econ-rule-grid">
              <Textfield label={t('economy.rules.id')} value={added.id} onChange={(e) => setAdded({ ...added, id: e.target.value })} />
              <Textfield label={t('economy.rules.prefix')} description={t('economy.rules.prefixHelp')} value={added.prefix ?? ''} onChange={(e) => setAdded({ ...added, prefix: e.target.value })} />
              <Field>
                <Label htmlFor="econ-add-class">{t('economy.rules.class')}</Label>
                <Select id="econ-add-class" value={added.class} onChange={(e) => setAdded({ ...added, class: e.target.value as Rule['class'] })}>
                  <Select.Option value="oil_gas">{t('economy.class.oil_gas')}</Select.Option>
                  <Select.Option value="green">{t('economy.class.green')}</Select.Option>
                </Select>
              </Field>
              <Textfield label={t('economy.rules.shareInput')} type="number" min={1} max={100} value={String(Math.round(added.share * 100))} onChange={(e) => setAdded({ ...added, share: Number(e.target.value) / 100 })} />
            </div>
            <Textfield label={t('economy.rules.rationaleNb')} value={added.rationale.nb} onChange={(e) => setAdded({ ...added, rationale: { ...added.rationale, nb: e.target.value } })} />
            <Textfield label={t('economy.rules.rationaleEn')} value={added.rationale.en} onChange={(e) => setAdded({ ...added, rationale: { ...added.rationale, en: e.target.value } })} />
            <Textfield label={t('economy.rules.caveatNb')} value={added.caveat?.nb ?? ''} onChange={(e) => setAdded({ ...added, caveat: e.target.value || added.caveat?.en ? { nb: e.target.value, en: added.caveat?.en ?? '' } : null })} />
            <Textfield label={t('economy.rules.caveatEn')} value={added.caveat?.en ?? ''} onChange={(e) => setAdded({ ...added, caveat: e.target.value || added.caveat?.nb ? { nb: added.caveat?.nb ?? '', en: e.target.value } : null })} />
            <Button variant="tertiary" type="button" onClick={() => setAdded(null)}>
              {t('economy.rules.cancelAdd')}
            </Button>
          </fieldset>
        ) : (
          <Button variant="secondary" type="button" onClick={() => setAdded(blankRule())}>
            {t('economy.rules.add')}
          </Button>
        )}
        <div className="actions">
          <Button type="submit" loading={save.isPending}>
            {t('economy.rules.save')}
          </Button>
        </div>
      </form>
      <div aria-live="polite">
        {save.isError && (
          <Alert data-color="danger" className="block">
            <Paragraph>{errorMessage(save.error)}</Paragraph>
            {details.length > 0 && (
              <ul>
                {details.map((d, i) => (
                  <li key={i}>{d.field ? `${d.field}: ${d.message}` : d.message}</li>
                ))}
              </ul>
            )}
          </Alert>
        )}
      </div>
    </section>
  );
}
