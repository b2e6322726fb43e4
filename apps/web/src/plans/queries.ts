import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

/** Keys by plan, so that a move invalidates that plan's reads and the home's list, nothing else. */
export const planKeys = {
  plan: (id: string) => ['plans', id] as const,
  form: (id: string) => ['plans', id, 'form'] as const,
  draft: (id: string) => ['plans', id, 'draft'] as const,
};

const path = (id: string) => ({ params: { path: { id } } });

/** The plan: status, deadlines, school and campaign (GET /api/plans/:id). */
export function usePlan(id: string) {
  return useQuery({ queryKey: planKeys.plan(id), queryFn: () => unwrap(api.GET('/api/plans/{id}', path(id))) });
}

/** The directive's header and what it asks of this school (GET /api/plans/:id/form). */
export function usePlanForm(id: string) {
  return useQuery({
    queryKey: planKeys.form(id),
    queryFn: () => unwrap(api.GET('/api/plans/{id}/form', path(id))),
    staleTime: 5 * 60_000,
  });
}

export const fetchDraft = (id: string) => unwrap(api.GET('/api/plans/{id}/draft', path(id)));

/** The draft with its revision, which every save sends back in If-Match (GET /api/plans/:id/draft). */
export function useDraft(id: string) {
  return useQuery({ queryKey: planKeys.draft(id), queryFn: () => fetchDraft(id), staleTime: Infinity });
}

export type Plan = NonNullable<ReturnType<typeof usePlan>['data']>;
export type PlanFormView = NonNullable<ReturnType<typeof usePlanForm>['data']>;
export type DraftView = NonNullable<ReturnType<typeof useDraft>['data']>;
