import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { Button, Field, Heading, Label, Paragraph, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { can, useSession } from '../app/auth';
import { useFormat } from '../app/format';
import { PageHeading } from '../app/ui/PageHeading';
import { FormErrorSummary } from '../app/ui/FormErrors';
import { Loading, QueryError } from '../app/ui/Status';
import { AppLink } from '../app/ui/AppLink';
import { useFormErrors } from '../app/ui/useFormErrors';
import { Required } from '../app/ui/Required';
import { unitKeys, useUnits } from './queries';
import { subtreeIds } from './unitTree';
import { UNIT_KINDS, UNIT_TYPES, type Unit, type UnitBody } from './types';

/** One unit: its data, its place in the tree, and an edit form for those allowed. */
export function UnitPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { id } = useParams({ from: '/signed-in/units/$id' });
  const units = useUnits();
  const { user } = useSession();
  const [editing, setEditing] = useState(false);
  if (units.isPending) return <Loading />;
  if (units.isError)
    return (
      <>
        <PageHeading>{t('units.title')}</PageHeading>
        <QueryError error={units.error} />
      </>
    );
  const unit = units.data.find((u) => u.id === id);
  if (!unit)
    return (
      <>
        <PageHeading>{t('errors.notFoundTitle')}</PageHeading>
        <Paragraph>{t('units.notFound')}</Paragraph>
        <AppLink to="/units">{t('units.backToTree')}</AppLink>
      </>
    );
  const parent = units.data.find((u) => u.id === unit.parentId);
  const children = units.data.filter((u) => u.parentId === unit.id);
  const mayEdit = can.editDomain(user, 'organisations');
  const rows: [string, ReactNode][] = [
    [t('units.fields.kind'), t(`units.kinds.${unit.kind}`, { defaultValue: unit.kind })],
    [t('units.fields.type'), t(`units.types.${unit.type}`, { defaultValue: unit.type })],
    [
      t('units.fields.parentId'),
      parent ? (
        <AppLink to="/units/$id" params={{ id: parent.id }}>
          {parent.name}
        </AppLink>
      ) : (
        t('units.topLevel')
      ),
    ],
    [t('units.fields.address'), [unit.address, [unit.postalCode, unit.place].filter(Boolean).join(' ')].filter(Boolean).join(', ') || '–'],
    [t('units.fields.staff'), f.number(unit.staff)],
    [t('units.fields.key'), <code key="k">{unit.key}</code>],
  ];
  return (
    <>
      <Paragraph data-size="sm">
        <AppLink to="/units">{t('units.backToTree')}</AppLink>
      </Paragraph>
      <PageHeading>{unit.name}</PageHeading>
      {editing ? (
        <UnitForm existing={unit} units={units.data} onDone={() => setEditing(false)} />
      ) : (
        <>
          <dl className="fields">
            {rows.map(([k, v]) => (
              <div key={k} style={{ display: 'contents' }}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
          {mayEdit && (
            <div className="actions">
              <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>
            </div>
          )}
          {children.length > 0 && (
            <>
              <Heading level={2} data-size="sm" className="block">
                {t('units.children', { count: children.length })}
              </Heading>
              <ul>
                {children.map((c) => (
                  <li key={c.id}>
                    <AppLink to="/units/$id" params={{ id: c.id }}>
                      {c.name}
                    </AppLink>{' '}
                    <span className="unit-meta">{t('units.staffCount', { count: c.staff, formatted: f.number(c.staff) })}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </>
  );
}

export function UnitNewPage() {
  const { t } = useTranslation();
  const units = useUnits();
  return (
    <>
      <Paragraph data-size="sm">
        <AppLink to="/units">{t('units.backToTree')}</AppLink>
      </Paragraph>
      <PageHeading>{t('units.new')}</PageHeading>
      {units.isPending ? <Loading /> : units.isError ? <QueryError error={units.error} /> : <UnitForm units={units.data} />}
    </>
  );
}

const FIELDS = ['name', 'kind', 'type', 'parentId', 'address', 'postalCode', 'place', 'staff', 'key'] as const;
type FormField = (typeof FIELDS)[number];
const ID: Record<string, string> = Object.fromEntries(FIELDS.map((f) => [f, `unit-${f}`]));

function UnitForm({ existing, units, onDone }: { existing?: Unit; units: Unit[]; onDone?: () => void }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const errors = useFormErrors(ID);
  const [v, setV] = useState<Record<FormField, string>>({
    name: existing?.name ?? '',
    kind: existing?.kind ?? 'unit',
    type: existing?.type ?? 'other',
    parentId: existing?.parentId ?? '',
    address: existing?.address ?? '',
    postalCode: existing?.postalCode ?? '',
    place: existing?.place ?? '',
    staff: existing ? String(existing.staff) : '0',
    key: existing?.key ?? '',
  });
  const excluded = useMemo(() => (existing ? subtreeIds(units, existing.id) : new Set<string>()), [existing, units]);
  const parents = useMemo(
    () => units.filter((u) => !excluded.has(u.id) && u.kind !== 'subunit').sort((a, b) => a.name.localeCompare(b.name, i18n.language === 'en' ? 'en' : 'nb')),
    [units, excluded, i18n.language],
  );
  const save = useMutation({
    mutationFn: (body: UnitBody) => (existing ? api<Unit>(`/units/${encodeURIComponent(existing.id)}`, { method: 'PUT', body }) : api<Unit>('/units', { method: 'POST', body })),
    onSuccess: async (u) => {
      await qc.invalidateQueries({ queryKey: unitKeys.all });
      if (existing) onDone?.();
      else void navigate({ to: '/units/$id', params: { id: u.id } });
    },
    onError: (e) => errors.fromError(e),
  });
  const set = (f: FormField) => (e: { target: { value: string } }) => setV((s) => ({ ...s, [f]: e.target.value }));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const staff = Number(v.staff.replace(/[\s\u00a0]/g, '') || '0');
    if (!Number.isInteger(staff) || staff < 0) return errors.show({ staff: t('units.staffInvalid') });
    errors.clear();
    const nul = (s: string) => (s.trim() ? s.trim() : null);
    save.mutate({
      ...(existing || !v.key.trim() ? {} : { key: v.key.trim() }),
      name: v.name.trim(),
      kind: v.kind,
      type: v.type,
      parentId: v.parentId || null,
      address: nul(v.address),
      postalCode: nul(v.postalCode),
      place: nul(v.place),
      staff,
    });
  };
  const text = (f: FormField, opts: { inputMode?: 'numeric'; description?: string; required?: boolean } = {}) => (
    <Textfield id={ID[f]} label={opts.required ? <Required>{t(`units.fields.${f}`)}</Required> : t(`units.fields.${f}`)} description={opts.description} inputMode={opts.inputMode} value={v[f]} onChange={set(f)} error={errors.fields[f]} required={opts.required} autoComplete="off" />
  );
  const select = (f: 'kind' | 'type' | 'parentId', options: { value: string; label: string }[]) => (
    <Field>
      <Label htmlFor={ID[f]}>{t(`units.fields.${f}`)}</Label>
      <Select id={ID[f]} value={v[f]} onChange={set(f)} aria-invalid={errors.fields[f] ? true : undefined}>
        {options.map((o) => (
          <Select.Option key={o.value} value={o.value}>
            {o.label}
          </Select.Option>
        ))}
      </Select>
      {errors.fields[f] && <ValidationMessage>{errors.fields[f]}</ValidationMessage>}
    </Field>
  );
  return (
    <>
      <Paragraph className="lead">{t('form.requiredNote')}</Paragraph>
      <FormErrorSummary key={errors.attempt} errors={errors.summary} />
      <form className="form" onSubmit={onSubmit} noValidate>
        {text('name', { required: true })}
        {select('kind', UNIT_KINDS.map((k) => ({ value: k, label: t(`units.kinds.${k}`) })))}
        {select('type', UNIT_TYPES.map((k) => ({ value: k, label: t(`units.types.${k}`) })))}
        {select('parentId', [{ value: '', label: t('units.topLevel') }, ...parents.map((u) => ({ value: u.id, label: u.name }))])}
        {text('address')}
        <div className="form-row">
          {text('postalCode', { inputMode: 'numeric' })}
          {text('place')}
        </div>
        {text('staff', { inputMode: 'numeric' })}
        {!existing && text('key', { description: t('units.keyHelp') })}
        <div className="actions">
          <Button type="submit" loading={save.isPending}>
            {existing ? t('common.save') : t('units.create')}
          </Button>
          {existing ? (
            <Button type="button" variant="secondary" onClick={onDone}>
              {t('common.cancel')}
            </Button>
          ) : null}
        </div>
      </form>
    </>
  );
}
