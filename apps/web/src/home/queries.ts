import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

export const plansKeys = {
  all: ['plans'] as const,
  mine: () => ['plans', 'mine'] as const,
};

/** The school's plans across campaigns (GET /api/plans: the API scopes it to the user's school). */
export function useMyPlans() {
  return useQuery({
    queryKey: plansKeys.mine(),
    queryFn: () => unwrap(api.GET('/api/plans', { params: { query: { page: 1, pageSize: 100 } } })),
  });
}
