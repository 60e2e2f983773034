import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api';

/** The app's one query cache; the router's guards read the session from it too. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Client errors (404, 403, validation) will not change by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});
