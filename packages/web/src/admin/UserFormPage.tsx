import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Field, Fieldset, Label, Paragraph, Select, Switch, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { DOMAINS } from '../app/domains';
import { formatOrgNumber } from '../app/format';
import { PageHeading } from '../app/ui/PageHeading';
import { FormErrorSummary } from '../app/ui/FormErrors';
import { Loading, QueryError } from '../app/ui/Status';
import { AppLink } from '../app/ui/AppLink';
import { useFormErrors } from '../app/ui/useFormErrors';
import { Required } from '../app/ui/Required';
import { useOrganisation, useOrganisations, useUnits } from '../organisations/queries';
import { ROLES, type User, type UserBody } from './types';
import { userKeys } from './UsersPage';

export function UserNewPage() {
  return <UserForm />;
}

export function UserEditPage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/admin/admin/users/$id' });
  const user = useQuery({ queryKey: userKeys.one(id), queryFn: () => api<User>(`/users/${encodeURIComponent(id)}`) });
  if (user.isPending) return <Loading />;
  if (user.isError)
    return (
      <>
        <PageHeading>{t('users.editTitle')}</PageHeading>
        <QueryError error={user.error} />
      </>
    );
  return <UserForm existing={user.data} key={user.data.id} />;
}

const FIELDS = ['name', 'email', 'role', 'domains', 'unitId', 'organisationId', 'password', 'active'] as const;
const ID: Record<string, string> = { ...Object.fromEntries(FIELDS.map((f) => [f, `user-${f}`])), domains: `user-domains-${DOMAINS[0]}` };

/** Create or edit a user: the role decides which scope fields are asked for. */
function UserForm({ existing }: { existing?: User }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const errors = useFormErrors(ID);
  const [email, setEmail] = useState(existing?.email ?? '');
  const [name, setName] = useState(existing?.name ?? '');
  const [role, setRole] = useState<string>(existing?.role ?? 'editor');
  const [domains, setDomains] = useState<string[]>(existing?.domains ?? []);
  const [unitId, setUnitId] = useState(existing?.unitId ?? '');
  const [organisationId, setOrganisationId] = useState(existing?.organisationId ?? '');
  const [orgQuery, setOrgQuery] = useState('');
  const [password, setPassword] = useState('');
  const [active, setActive] = useState(existing?.active ?? true);

  const units = useUnits();
  const sortedUnits = useMemo(() => [...(units.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, i18n.language === 'en' ? 'en' : 'nb')), [units.data, i18n.language]);
  const orgs = useOrganisations({ q: orgQuery.trim() || undefined, limit: 50 }, role === 'business');
  const currentOrg = useOrganisation(role === 'business' && organisationId ? organisationId : null);
  const orgOptions = useMemo(() => {
    const list = [...(orgs.data?.items ?? [])];
    if (currentOrg.data && !list.some((o) => o.id === currentOrg.data.id)) list.unshift(currentOrg.data);
    return list;
  }, [orgs.data, currentOrg.data]);

  const save = useMutation({
    mutationFn: (body: UserBody) => (existing ? api<User>(`/users/${encodeURIComponent(existing.id)}`, { method: 'PUT', body }) : api<User>('/users', { method: 'POST', body })),
    onSuccess: async (u) => {
      qc.setQueryData(userKeys.one(u.id), u);
      await qc.invalidateQueries({ queryKey: [...userKeys.all, 'list'] });
      void navigate({ to: '/admin/users' });
    },
    onError: (e) => errors.fromError(e),
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    errors.clear();
    save.mutate({
      email: email.trim(),
      name: name.trim(),
      role,
      domains: role === 'editor' ? domains : [],
      unitId: role === 'unit_manager' ? unitId || null : null,
      organisationId: role === 'business' ? organisationId || null : null,
      password: password ? password : null,
      active,
    });
  };

  const title = existing ? t('users.editTitle') : t('users.new');
  return (
    <>
      <Paragraph data-size="sm">
        <AppLink to="/admin/users">{t('users.backToList')}</AppLink>
      </Paragraph>
      <PageHeading>{existing ? `${title}: ${existing.name}` : title}</PageHeading>
      <Paragraph className="lead">{t('form.requiredNote')}</Paragraph>
      <FormErrorSummary key={errors.attempt} errors={errors.summary} />
      <form className="form" onSubmit={onSubmit} noValidate>
        <Textfield id={ID.name} label={<Required>{t('users.fields.name')}</Required>} value={name} onChange={(e) => setName(e.target.value)} error={errors.fields.name} autoComplete="off" required />
        <Textfield id={ID.email} label={<Required>{t('users.fields.email')}</Required>} type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={errors.fields.email} autoComplete="off" required />
        <Field>
          <Label htmlFor={ID.role}>{t('users.fields.role')}</Label>
          <Field.Description>{t('users.roleHelp')}</Field.Description>
          <Select id={ID.role} value={role} onChange={(e) => setRole(e.target.value)} aria-invalid={errors.fields.role ? true : undefined}>
            {ROLES.map((r) => (
              <Select.Option key={r} value={r}>
                {t(`roles.${r}`)}
              </Select.Option>
            ))}
          </Select>
          {errors.fields.role && <ValidationMessage>{errors.fields.role}</ValidationMessage>}
        </Field>

        {role === 'editor' && (
          <Fieldset>
            <Fieldset.Legend>{t('users.fields.domains')}</Fieldset.Legend>
            <Fieldset.Description>{t('users.domainsHelp')}</Fieldset.Description>
            <div className="checkbox-grid">
              {DOMAINS.map((d) => (
                <Checkbox
                  key={d}
                  id={`user-domains-${d}`}
                  label={t(`domains.${d}.name`)}
                  value={d}
                  checked={domains.includes(d)}
                  aria-invalid={errors.fields.domains ? true : undefined}
                  onChange={(e) => setDomains((ds) => (e.target.checked ? [...ds, d] : ds.filter((x) => x !== d)))}
                />
              ))}
            </div>
            {errors.fields.domains && <ValidationMessage>{errors.fields.domains}</ValidationMessage>}
          </Fieldset>
        )}

        {role === 'unit_manager' && (
          <Field>
            <Label htmlFor={ID.unitId}>{t('users.fields.unitId')}</Label>
            <Select id={ID.unitId} value={unitId} onChange={(e) => setUnitId(e.target.value)} aria-invalid={errors.fields.unitId ? true : undefined}>
              <Select.Option value="">{t('users.chooseUnit')}</Select.Option>
              {sortedUnits.map((u) => (
                <Select.Option key={u.id} value={u.id}>
                  {u.name}
                </Select.Option>
              ))}
            </Select>
            {errors.fields.unitId && <ValidationMessage>{errors.fields.unitId}</ValidationMessage>}
          </Field>
        )}

        {role === 'business' && (
          <Fieldset>
            <Fieldset.Legend>{t('users.fields.organisationId')}</Fieldset.Legend>
            <Textfield id="user-org-search" label={t('users.orgSearch')} description={t('users.orgSearchHelp')} type="search" value={orgQuery} onChange={(e) => setOrgQuery(e.target.value)} autoComplete="off" />
            <Field>
              <Label htmlFor={ID.organisationId}>{t('users.chooseOrganisation')}</Label>
              <Select id={ID.organisationId} value={organisationId} onChange={(e) => setOrganisationId(e.target.value)} aria-invalid={errors.fields.organisationId ? true : undefined}>
                <Select.Option value="">{t('users.noOrganisation')}</Select.Option>
                {orgOptions.map((o) => (
                  <Select.Option key={o.id} value={o.id}>
                    {o.name} ({formatOrgNumber(o.orgNumber)})
                  </Select.Option>
                ))}
              </Select>
              <Field.Description>{orgs.data ? t('users.orgMatches', { count: orgs.data.total, shown: orgs.data.items.length }) : t('common.loading')}</Field.Description>
              {errors.fields.organisationId && <ValidationMessage>{errors.fields.organisationId}</ValidationMessage>}
            </Field>
          </Fieldset>
        )}

        <Textfield
          id={ID.password}
          label={existing ? t('users.newPassword') : t('users.fields.password')}
          description={existing ? t('users.passwordKeep') : t('users.passwordHelp')}
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.fields.password}
          autoComplete="new-password"
        />
        {existing && <Switch id={ID.active} label={t('users.fields.active')} checked={active} onChange={(e) => setActive(e.target.checked)} />}
        <div className="actions">
          <Button type="submit" loading={save.isPending}>
            {existing ? t('common.save') : t('users.create')}
          </Button>
          <Button asChild variant="secondary">
            <Link to="/admin/users">{t('common.cancel')}</Link>
          </Button>
        </div>
      </form>
    </>
  );
}
