import { useState, type FormEvent } from 'react';
import { Alert, Button, Field, Heading, Label, Paragraph, Select, Table, Tag, Textarea, Textfield, ValidationMessage, Checkbox, Fieldset } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../app/api';
import { can, useSession } from '../app/auth';
import { useFormat } from '../app/format';
import { AppLink } from '../app/ui/AppLink';
import { PageHeading } from '../app/ui/PageHeading';
import { Loading, QueryError, useErrorMessage } from '../app/ui/Status';
import { svcKeys, useCatalogue, useOptions, useUnits } from './queries';
import type { Measure, Options } from './types';
import './services.css';

/** The services start page for staff: the plan rule, the manager's own unit, the catalogue (editors edit it). */
export function ServicesPage() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const staff = can.readInternal(user);
  const options = useOptions();
  const lang = i18n.language === 'en' ? 'en' : 'nb';
  if (!staff)
    return (
      <>
        <PageHeading>{t('services.title')}</PageHeading>
        <Paragraph>{t('services.notStaff')}</Paragraph>
        <AppLink to="/public/services">{t('services.publicLink')}</AppLink>
      </>
    );
  return (
    <>
      <PageHeading>{t('services.title')}</PageHeading>
      <Paragraph className="lead">{t('services.intro')}</Paragraph>
      {options.data && <Paragraph data-size="sm">{t('services.rule', { rule: options.data.planRule[lang] })}</Paragraph>}
      <ul className="svc-links">
        <li>
          <AppLink to="/services/coverage">{t('services.coverageLink')}</AppLink>
        </li>
        <li>
          <AppLink to="/public/services">{t('services.publicLink')}</AppLink>
        </li>
      </ul>
      {user?.role === 'unit_manager' && <MyUnits />}
      {options.isPending ? <Loading /> : options.isError ? <QueryError error={options.error} /> : <>
        {options.data.isEditor && <UnitPicker />}
        <CatalogueSection options={options.data} />
      </>}
    </>
  );
}

function MyUnits() {
  const { t } = useTranslation();
  const units = useUnits(true);
  return (
    <section aria-labelledby="svc-mine" className="block">
      <Heading level={2} data-size="sm" id="svc-mine">
        {t('services.mine.title')}
      </Heading>
      {units.isPending ? <Loading /> : units.isError ? <QueryError error={units.error} /> : units.data.items.length === 0 ? <Paragraph>{t('services.mine.empty')}</Paragraph> : (
        <ul className="svc-cards">
          {units.data.items.map((u) => (
            <li key={u.id}>
              <AppLink to="/services/units/$id" params={{ id: u.id }} aria-label={t('services.mine.open', { name: u.name })}>
                {u.name}
              </AppLink>
              <span>{t('services.mine.measures', { count: u.activeMeasures })}</span>
              <Tag data-size="sm" data-color={u.hasPlan ? 'success' : 'warning'}>
                {u.hasPlan ? t('services.mine.plan') : t('services.mine.noPlan')}
              </Tag>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function UnitPicker() {
  const { t } = useTranslation();
  const units = useUnits(false);
  const navigate = useNavigate();
  const [id, setId] = useState('');
  return (
    <section aria-labelledby="svc-pick" className="block">
      <Heading level={2} data-size="sm" id="svc-pick">
        {t('services.pickUnit.title')}
      </Heading>
      <form
        className="svc-inline"
        onSubmit={(e) => {
          e.preventDefault();
          if (id) void navigate({ to: '/services/units/$id', params: { id } });
        }}
      >
        <Field>
          <Label htmlFor="svc-pick-unit">{t('services.pickUnit.label')}</Label>
          <Select id="svc-pick-unit" value={id} onChange={(e) => setId(e.target.value)}>
            <Select.Option value="">{t('services.pickUnit.choose')}</Select.Option>
            {(units.data?.items ?? []).map((u) => (
              <Select.Option key={u.id} value={u.id}>
                {u.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Button type="submit" variant="secondary" data-size="sm">
          {t('services.pickUnit.go')}
        </Button>
      </form>
    </section>
  );
}

const titleOf = (m: Pick<Measure, 'titleNb' | 'titleEn'>, lang: string) => (lang === 'en' ? m.titleEn : m.titleNb);

function CatalogueSection({ options }: { options: Options }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nb';
  const f = useFormat();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const [area, setArea] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const cat = useCatalogue(area || undefined);
  const areaName = (k: string) => options.areas.find((a) => a.key === k)?.[lang] ?? k;
  const importRef = useMutation({
    mutationFn: () => api<{ added: number }>('/services/measures/reference', { method: 'POST' }),
    onSuccess: async (r) => {
      setNotice(t('services.catalogue.imported', { count: r.added }));
      await qc.invalidateQueries({ queryKey: svcKeys.all });
    },
  });
  const retire = useMutation({
    mutationFn: (m: Measure) => api<Measure>(`/services/measures/${m.id}`, { method: 'PATCH', body: { retired: !m.retiredOn } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: svcKeys.all }),
  });
  return (
    <section aria-labelledby="svc-cat" className="block">
      <Heading level={2} data-size="sm" id="svc-cat">
        {t('services.catalogue.title')}
      </Heading>
      <div className="svc-inline">
        <Field>
          <Label htmlFor="svc-area">{t('services.catalogue.area')}</Label>
          <Select id="svc-area" value={area} onChange={(e) => setArea(e.target.value)}>
            <Select.Option value="">{t('services.catalogue.allAreas')}</Select.Option>
            {options.areas.map((a) => (
              <Select.Option key={a.key} value={a.key}>
                {a[lang]}
              </Select.Option>
            ))}
          </Select>
        </Field>
        {options.isEditor && (
          <Button variant="secondary" data-size="sm" onClick={() => importRef.mutate()} disabled={importRef.isPending}>
            {t('services.catalogue.importReference')}
          </Button>
        )}
      </div>
      <div aria-live="polite">{notice && <Alert data-color="info">{notice}</Alert>}</div>
      {(importRef.isError || retire.isError) && <Alert data-color="danger">{message(importRef.error ?? retire.error)}</Alert>}
      {options.isEditor && <MeasureForm options={options} />}
      {cat.isPending ? <Loading /> : cat.isError ? <QueryError error={cat.error} /> : cat.data.items.length === 0 ? <Paragraph>{t('services.catalogue.empty')}</Paragraph> : (
        <div className="table-wrap">
          <Table zebra border data-size="sm">
            <caption>{t('services.catalogue.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('services.catalogue.measure')}</Table.HeaderCell>
                <Table.HeaderCell>{t('services.catalogue.areas')}</Table.HeaderCell>
                <Table.HeaderCell>{t('services.catalogue.points')}</Table.HeaderCell>
                <Table.HeaderCell>{t('services.catalogue.source')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('services.catalogue.active')}</Table.HeaderCell>
                {options.isEditor && <Table.HeaderCell>{t('services.catalogue.edit')}</Table.HeaderCell>}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {cat.data.items.map((m) => (
                <CatalogueRow key={m.id} m={m} lang={lang} editor={options.isEditor} editing={editing === m.id} onEdit={() => setEditing(editing === m.id ? null : m.id)} onRetire={() => retire.mutate(m)} areaName={areaName} options={options} retiredLabel={m.retiredOn ? t('services.catalogue.retired', { date: f.date(m.retiredOn) }) : null} />
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}

function CatalogueRow({ m, lang, editor, editing, onEdit, onRetire, areaName, options, retiredLabel }: { m: Measure & { activeUnits: number }; lang: string; editor: boolean; editing: boolean; onEdit: () => void; onRetire: () => void; areaName: (k: string) => string; options: Options; retiredLabel: string | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <>
      <Table.Row>
        <Table.HeaderCell scope="row">
          <span className="svc-measure-title">{titleOf(m, lang)}</span>
          <span className="svc-measure-desc">{lang === 'en' ? (m.descriptionEn ?? m.descriptionNb) : m.descriptionNb}</span>
          {retiredLabel && <Tag data-size="sm" data-color="neutral">{retiredLabel}</Tag>}
        </Table.HeaderCell>
        <Table.Cell>{m.areas.map(areaName).join(', ')}</Table.Cell>
        <Table.Cell>{m.programPoints.join(', ')}</Table.Cell>
        <Table.Cell>{m.sourceUrl ? <a href={m.sourceUrl} rel="noopener noreferrer">{m.sourceTitle ?? m.sourceUrl}</a> : (m.sourceTitle ?? t('services.catalogue.noSource'))}</Table.Cell>
        <Table.Cell className="num">{f.number(m.activeUnits)}</Table.Cell>
        {editor && (
          <Table.Cell>
            <div className="svc-row-buttons">
              <Button data-size="sm" variant="tertiary" onClick={onEdit} aria-expanded={editing} aria-label={t('services.catalogue.editOne', { title: titleOf(m, lang) })}>
                {t('services.catalogue.edit')}
              </Button>
              <Button data-size="sm" variant="tertiary" onClick={onRetire}>
                {m.retiredOn ? t('services.catalogue.unretire') : t('services.catalogue.retire')}
              </Button>
            </div>
          </Table.Cell>
        )}
      </Table.Row>
      {editing && (
        <Table.Row>
          <Table.Cell colSpan={6}>
            <MeasureForm options={options} measure={m} onDone={onEdit} />
          </Table.Cell>
        </Table.Row>
      )}
    </>
  );
}

function MeasureForm({ options, measure, onDone }: { options: Options; measure?: Measure; onDone?: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nb';
  const qc = useQueryClient();
  const message = useErrorMessage();
  const prefix = measure ? `svc-m-${measure.id}` : 'svc-new';
  const empty = { titleNb: '', titleEn: '', descriptionNb: '', descriptionEn: '', areas: [] as string[], points: 'C2', sourceTitle: '', sourceUrl: '' };
  const [v, setV] = useState(measure ? { titleNb: measure.titleNb, titleEn: measure.titleEn, descriptionNb: measure.descriptionNb, descriptionEn: measure.descriptionEn ?? '', areas: measure.areas, points: measure.programPoints.join(', '), sourceTitle: measure.sourceTitle ?? '', sourceUrl: measure.sourceUrl ?? '' } : empty);
  const [done, setDone] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => {
      const body = { titleNb: v.titleNb, titleEn: v.titleEn, descriptionNb: v.descriptionNb, descriptionEn: v.descriptionEn || null, areas: v.areas, programPoints: v.points.split(',').map((p) => p.trim()).filter(Boolean), sourceTitle: v.sourceTitle || null, sourceUrl: v.sourceUrl || null };
      return measure ? api<Measure>(`/services/measures/${measure.id}`, { method: 'PATCH', body }) : api<Measure>('/services/measures', { method: 'POST', body });
    },
    onSuccess: async (m) => {
      setDone(t('services.measureForm.saved', { title: titleOf(m, lang) }));
      if (!measure) setV(empty);
      await qc.invalidateQueries({ queryKey: svcKeys.all });
      onDone?.();
    },
  });
  const fe = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const set = (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setV((x) => ({ ...x, [k]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    save.mutate();
  };
  const form = (
    <form className="form svc-form" onSubmit={submit} noValidate>
      <Textfield id={`${prefix}-titleNb`} label={t('services.measureForm.titleNb')} value={v.titleNb} onChange={set('titleNb')} error={fe.titleNb} />
      <Textfield id={`${prefix}-titleEn`} label={t('services.measureForm.titleEn')} value={v.titleEn} onChange={set('titleEn')} error={fe.titleEn} />
      <Field>
        <Label htmlFor={`${prefix}-descNb`}>{t('services.measureForm.descriptionNb')}</Label>
        <Textarea id={`${prefix}-descNb`} rows={3} value={v.descriptionNb} onChange={set('descriptionNb')} aria-invalid={!!fe.descriptionNb} />
        {fe.descriptionNb && <ValidationMessage>{fe.descriptionNb}</ValidationMessage>}
      </Field>
      <Field>
        <Label htmlFor={`${prefix}-descEn`}>{t('services.measureForm.descriptionEn')}</Label>
        <Textarea id={`${prefix}-descEn`} rows={3} value={v.descriptionEn} onChange={set('descriptionEn')} aria-invalid={!!fe.descriptionEn} />
        {fe.descriptionEn && <ValidationMessage>{fe.descriptionEn}</ValidationMessage>}
      </Field>
      <Fieldset>
        <Fieldset.Legend>{t('services.measureForm.areas')}</Fieldset.Legend>
        {options.areas.map((a) => (
          <Checkbox key={a.key} id={`${prefix}-area-${a.key}`} label={a[lang]} checked={v.areas.includes(a.key)} onChange={(e) => setV((x) => ({ ...x, areas: e.target.checked ? [...x.areas, a.key] : x.areas.filter((k) => k !== a.key) }))} />
        ))}
        {fe.areas && <ValidationMessage>{fe.areas}</ValidationMessage>}
      </Fieldset>
      <Textfield id={`${prefix}-points`} label={t('services.measureForm.points')} description={t('services.measureForm.pointsHelp')} value={v.points} onChange={set('points')} error={fe.programPoints} />
      <Textfield id={`${prefix}-sourceTitle`} label={t('services.measureForm.sourceTitle')} value={v.sourceTitle} onChange={set('sourceTitle')} error={fe.sourceTitle} />
      <Textfield id={`${prefix}-sourceUrl`} type="url" label={t('services.measureForm.sourceUrl')} value={v.sourceUrl} onChange={set('sourceUrl')} error={fe.sourceUrl} />
      {save.isError && !Object.keys(fe).length && <Alert data-color="danger">{message(save.error)}</Alert>}
      <div aria-live="polite">{done && <Alert data-color="success">{done}</Alert>}</div>
      <div className="svc-row-buttons">
        <Button type="submit" disabled={save.isPending}>
          {t('services.measureForm.save')}
        </Button>
        {onDone && (
          <Button type="button" variant="tertiary" onClick={onDone}>
            {t('services.measureForm.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
  if (measure) return form;
  return (
    <details className="svc-form-wrap">
      <summary>{t('services.measureForm.newTitle')}</summary>
      {form}
    </details>
  );
}
