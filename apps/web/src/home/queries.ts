import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

export const plansKeys = {
  all: ['plans'] as const,
  mine: () => ['plans', 'mine'] as const,
};

/**
 * The school's plans across campaigns (GET /api/plans: the API scopes it to the user's school). `enabled`: false
 * until the page knows the user's home is this one (a province user, refused these, is sent on to its own page).
 */
export function useMyPlans(enabled = true) {
  return useQuery({
    queryKey: plansKeys.mine(),
    enabled,
    queryFn: () => unwrap(api.GET('/api/plans', { params: { query: { page: 1, pageSize: 100 } } })),
  });
}
