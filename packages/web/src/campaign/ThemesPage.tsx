// The campaign's public start: its themes (each with its threads), the events, the code of
// conduct; campaign editors also see links to their pages.
import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { can, useSession } from '../app/auth';
import { PageHeading } from '../app/ui/PageHeading';
import { AppLink } from '../app/ui/AppLink';
import { Loading, QueryError } from '../app/ui/Status';
import { useCmp, useThemes } from './shared';
import './campaign.css';

export function ThemesPage() {
  const c = useCmp();
  const themes = useThemes();
  const { user } = useSession();
  return (
    <div className="cmp-page">
      <PageHeading>{c.t('campaign.title')}</PageHeading>
      <Paragraph>{c.t('campaign.intro')}</Paragraph>
      <ul className="cmp-links">
        <li>
          <AppLink to="/public/campaign/events">{c.t('campaign.nav.events')}</AppLink>
        </li>
        <li>
          <AppLink to="/public/campaign/conduct">{c.t('campaign.nav.conduct')}</AppLink>
        </li>
        <li>
          <AppLink to="/public/footprint">{c.t('campaign.nav.calculator')}</AppLink>
        </li>
      </ul>
      {can.editDomain(user, 'campaign') && (
        <nav aria-label={c.t('campaign.nav.editor')} className="cmp-card">
          <Heading level={2} data-size="xs">
            {c.t('campaign.nav.editor')}
          </Heading>
          <ul className="cmp-links">
            <li>
              <AppLink to="/campaign/admin">{c.t('campaign.nav.admin')}</AppLink>
            </li>
            <li>
              <AppLink to="/campaign/moderation">{c.t('campaign.nav.moderation')}</AppLink>
            </li>
            <li>
              <AppLink to="/campaign/stats">{c.t('campaign.nav.stats')}</AppLink>
            </li>
          </ul>
        </nav>
      )}
      <Heading level={2} data-size="sm">
        {c.t('campaign.themes.title')}
      </Heading>
      {themes.isPending ? (
        <Loading />
      ) : themes.isError ? (
        <QueryError error={themes.error} />
      ) : themes.data.length === 0 ? (
        <Paragraph>{c.t('campaign.themes.empty')}</Paragraph>
      ) : (
        <ul className="cmp-list">
          {themes.data.map((x) => (
            <li key={x.id} className="cmp-card">
              <Heading level={3} data-size="xs">
                <AppLink to="/public/campaign/themes/$id" params={{ id: x.id }}>
                  {c.title(x)}
                </AppLink>
              </Heading>
              <Paragraph data-size="sm">{c.text(x)}</Paragraph>
              <div className="cmp-tags">
                <Tag data-size="sm" data-color="neutral">
                  {c.t('campaign.themes.threads', { count: x.threads, n: c.n(x.threads) })}
                </Tag>
                {x.moderation === 'pre' && (
                  <Tag data-size="sm" data-color="info">
                    {c.t('campaign.themes.pre')}
                  </Tag>
                )}
                {!x.open && (
                  <Tag data-size="sm" data-color="warning">
                    {c.t('campaign.themes.closed')}
                  </Tag>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The code of conduct, the same text that is shown before posting. */
export function ConductPage() {
  const c = useCmp();
  return (
    <div className="cmp-page">
      <PageHeading>{c.t('campaign.conduct.title')}</PageHeading>
      <ConductText />
      <Paragraph>
        <AppLink to="/public/campaign">{c.t('campaign.nav.back')}</AppLink>
      </Paragraph>
    </div>
  );
}

export function ConductText() {
  const c = useCmp();
  const rules = ['respect', 'topic', 'privacy', 'honest', 'ads', 'law'].map((k) => c.t(`campaign.conduct.rules.${k}`));
  return (
    <>
      <Paragraph>{c.t('campaign.conduct.intro')}</Paragraph>
      <ol className="cmp-rules">
        {rules.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ol>
      <Paragraph data-size="sm">{c.t('campaign.conduct.moderation')}</Paragraph>
    </>
  );
}
