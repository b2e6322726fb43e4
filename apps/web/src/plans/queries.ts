import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

/** Keys by plan, so that a move invalidates that plan's reads and the home's list, nothing else. */
export const planKeys = {
  plan: (id: string) => ['plans', id] as const,
  form: (id: string) => ['plans', id, 'form'] as const,
  draft: (id: string) => ['plans', id, 'draft'] as const,
};

const path = (id: string) => ({ params: { path: { id } } });

/**
 * The three reads the plan page needs before it can show anything, as options shared by its hooks and by the
 * route's loader: the loader starts them the moment the address is known, while the page's code is still loading.
 */
export const planQueries = {
  /** The plan: status, deadlines, school and campaign (GET /api/plans/:id). */
  plan: (id: string) =>
    queryOptions({ queryKey: planKeys.plan(id), queryFn: () => unwrap(api.GET('/api/plans/{id}', path(id))) }),
  /** The directive's header and what it asks of this school (GET /api/plans/:id/form). */
  form: (id: string) =>
    queryOptions({
      queryKey: planKeys.form(id),
      queryFn: () => unwrap(api.GET('/api/plans/{id}/form', path(id))),
      staleTime: 5 * 60_000,
    }),
  /** The draft with its revision, which every save sends back in If-Match (GET /api/plans/:id/draft). */
  draft: (id: string) =>
    queryOptions({ queryKey: planKeys.draft(id), queryFn: () => fetchDraft(id), staleTime: Infinity }),
};

export const fetchDraft = (id: string) => unwrap(api.GET('/api/plans/{id}/draft', path(id)));

export const usePlan = (id: string) => useQuery(planQueries.plan(id));
export const usePlanForm = (id: string) => useQuery(planQueries.form(id));
export const useDraft = (id: string) => useQuery(planQueries.draft(id));

export type Plan = NonNullable<ReturnType<typeof usePlan>['data']>;
export type PlanFormView = NonNullable<ReturnType<typeof usePlanForm>['data']>;
export type DraftView = NonNullable<ReturnType<typeof useDraft>['data']>;
