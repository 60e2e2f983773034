import { useState, type FormEvent } from 'react';
import { Alert, Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { apiUrl, ApiError, tenantPrefix } from '../app/api';
import { useLogin, useMeta, useSession } from '../app/auth';
import { FormErrorSummary, type FormError } from '../app/ui/FormErrors';
import { PageHeading } from '../app/ui/PageHeading';
import { AppLink } from '../app/ui/AppLink';

/** Only a path inside this app may be a redirect target (no other hosts). */
const safeRedirect = (r: string | undefined) => (r && r.startsWith('/') && !r.startsWith('//') && !r.startsWith('/login') ? r : '/');

export function LoginPage() {
  const { t } = useTranslation();
  const { redirect, error: loginError } = useSearch({ from: '/login' });
  const meta = useMeta();
  const oidc = meta.data?.login.oidc ?? null;
  const navigate = useNavigate();
  const session = useSession();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);

  const fail = (list: FormError[], fields: { email?: string; password?: string }) => {
    setErrors(list);
    setFieldErrors(fields);
    setAttempt((a) => a + 1);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const fields: { email?: string; password?: string } = {};
    if (!email.trim()) fields.email = t('login.emailMissing');
    if (!password) fields.password = t('login.passwordMissing');
    if (fields.email || fields.password) {
      fail(
        [fields.email && { id: 'login-email', message: fields.email }, fields.password && { id: 'login-password', message: fields.password }].filter(Boolean) as FormError[],
        fields,
      );
      return;
    }
    login.mutate(
      { email: email.trim(), password },
      {
        onSuccess: () => void navigate({ href: safeRedirect(redirect), replace: true }),
        onError: (err) => {
          const message =
            err instanceof ApiError && err.code === 'unauthenticated'
              ? t('login.failed')
              : err instanceof ApiError && err.code === 'rate_limited'
                ? t('login.rateLimited')
                : err instanceof ApiError && err.status > 0 && err.status < 500
                  ? err.message
                  : t('errors.unexpected');
          fail([{ id: 'login-email', message }], {});
        },
      },
    );
  };

  if (session.user && !login.isPending && !login.isSuccess) {
    return (
      <>
        <PageHeading>{t('login.title')}</PageHeading>
        <Paragraph>{t('login.already', { name: session.user.name })}</Paragraph>
        <Paragraph>
          <AppLink to="/">{t('errors.backHome')}</AppLink>
        </Paragraph>
      </>
    );
  }

  return (
    <>
      <PageHeading>{t('login.title')}</PageHeading>
      <Paragraph className="lead">{t('login.intro')}</Paragraph>
      {loginError && (
        <Alert data-color="danger" className="block" role="alert">
          <Paragraph>{t(`login.errors.${loginError === 'oidc_unknown_user' ? 'oidc_unknown_user' : 'oidc_failed'}`, { label: oidc?.label ?? 'SSO' })}</Paragraph>
        </Alert>
      )}
      {oidc && (
        <>
          <div className="actions">
            {/* A full page load: the provider's login page is on another host. */}
            <Button asChild variant="primary">
              <a href={apiUrl('/auth/oidc/start', { returnTo: `${tenantPrefix()}${safeRedirect(redirect)}` })}>{t('login.oidc', { label: oidc.label })}</a>
            </Button>
          </div>
          <Paragraph>{t('login.or')}</Paragraph>
        </>
      )}
      <FormErrorSummary key={attempt} errors={errors} heading={t('login.errorHeading')} />
      <form className="form" onSubmit={onSubmit} noValidate>
        <Textfield
          id="login-email"
          label={t('login.email')}
          type="email"
          name="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldErrors.email}
          required
        />
        <Textfield
          id="login-password"
          label={t('login.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldErrors.password}
          required
        />
        <div className="actions">
          <Button type="submit" loading={login.isPending}>
            {t('auth.login')}
          </Button>
        </div>
      </form>
    </>
  );
}
