import { useEffect, useRef, type ReactNode } from 'react';
import { Heading } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useMeta } from '../auth';
import { claimFocus } from './focus';

/** The page's one h1: names the document, and takes focus after a navigation. */
export function PageHeading({ children, title }: { children: ReactNode; title?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { t } = useTranslation();
  const meta = useMeta();
  const text = title ?? (typeof children === 'string' ? children : '');
  const site = meta.data?.municipality?.name ?? t('app.name');
  useEffect(() => {
    document.title = text ? `${text} – ${site}` : site;
  }, [text, site]);
  useEffect(() => claimFocus(ref.current), []);
  return (
    <Heading level={1} data-size="lg" ref={ref} tabIndex={-1} data-page-heading="" className="page-heading">
      {children}
    </Heading>
  );
}
