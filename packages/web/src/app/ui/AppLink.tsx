import { Link as DsLink } from '@digdir/designsystemet-react';
import { Link as RouterLink, type LinkComponentProps } from '@tanstack/react-router';

/** A router link styled as Designsystemet's Link. */
export function AppLink(props: LinkComponentProps<'a'>) {
  return (
    <DsLink asChild>
      <RouterLink {...props} />
    </DsLink>
  );
}
