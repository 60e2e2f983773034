// The public directory of the green cluster (B7): no login, its own small chunk (no charts, no
// forms), members by theme with what they do, and the running collaboration projects.
import { Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format';
import { PageHeading } from '../app/ui/PageHeading';
import { Loading, QueryError } from '../app/ui/Status';
import { usePublicCluster } from './register-queries';
import './translations';
import './enterprise.css';

const safeUrl = (u: string | null) => (u && /^https?:\/\//i.test(u) ? u : null);

export function PublicClusterPage() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const lang = i18n.language === 'en' ? 'en' : 'nb';
  const cluster = usePublicCluster();
  return (
    <div className="ent-public">
      <PageHeading>{t('enterprise.public.title')}</PageHeading>
      <Paragraph className="lead">{t('enterprise.public.intro')}</Paragraph>
      {cluster.isPending ? (
        <Loading />
      ) : cluster.isError ? (
        <QueryError error={cluster.error} />
      ) : cluster.data.memberCount === 0 ? (
        <Paragraph>{t('enterprise.public.empty')}</Paragraph>
      ) : (
        <>
          <Paragraph role="status">{t('enterprise.public.count', { count: cluster.data.memberCount, themes: cluster.data.themes.length })}</Paragraph>
          <nav aria-label={t('enterprise.public.themesNav')}>
            <ul className="ent-theme-nav">
              {cluster.data.themes.map((th) => (
                <li key={th.key}>
                  <a href={`#tema-${th.key}`}>
                    {th[lang]} ({f.number(th.members.length)})
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {cluster.data.themes.map((th) => (
            <section key={th.key} className="block" aria-labelledby={`tema-${th.key}`}>
              <Heading level={2} data-size="sm" id={`tema-${th.key}`}>
                {th[lang]}
              </Heading>
              <ul className="ent-directory">
                {th.members.map((m) => (
                  <li key={m.name} className="ent-card">
                    <Heading level={3} data-size="2xs">
                      {m.name}
                    </Heading>
                    <Paragraph data-size="sm">{m.description}</Paragraph>
                    <Paragraph data-size="sm" className="ent-sub">
                      {[m.industry?.name, m.place].filter(Boolean).join(' · ')}
                    </Paragraph>
                    {safeUrl(m.website) && (
                      <Paragraph data-size="sm">
                        <Link href={safeUrl(m.website)!} rel="noopener noreferrer">
                          {t('enterprise.public.website', { name: m.name })}
                        </Link>
                      </Paragraph>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          ))}
          <section className="block" aria-labelledby="ent-pub-projects">
            <Heading level={2} data-size="sm" id="ent-pub-projects">
              {t('enterprise.public.projectsTitle')}
            </Heading>
            {cluster.data.projects.length === 0 ? (
              <Paragraph>{t('enterprise.public.noProjects')}</Paragraph>
            ) : (
              <ul className="ent-directory">
                {cluster.data.projects.map((p) => (
                  <li key={p.title} className="ent-card">
                    <Heading level={3} data-size="2xs">
                      {p.title}
                    </Heading>
                    <Tag data-size="sm" data-color="success">
                      {p.theme[lang]}
                    </Tag>
                    <Paragraph data-size="sm">{p.description}</Paragraph>
                    <Paragraph data-size="sm" className="ent-sub">
                      {t('enterprise.public.projectFacts', { from: f.date(p.startDate), members: p.members.join(', ') })}
                    </Paragraph>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}
