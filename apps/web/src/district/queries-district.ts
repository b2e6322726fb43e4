import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { ApiError } from '../api/errors';
import type { components, paths } from '../api/schema.gen';

// The admin's schools, clusters, delegations of signing and sign-in record. The district's routes take no
// idempotency key: a retried create is refused by its taken code or its overlapping days, never done twice.

type SchoolQuery = NonNullable<paths['/api/schools']['get']['parameters']['query']>;
type SignInQuery = NonNullable<paths['/api/sign-ins']['get']['parameters']['query']>;
type Answer<P extends keyof paths> = paths[P]['get'] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;
export type School = Answer<'/api/schools'>['items'][number];
export type Cluster = Answer<'/api/clusters'>['items'][number];
export type Delegation = Answer<'/api/delegations'>['items'][number];
export type SignIn = Answer<'/api/sign-ins'>['items'][number];
export type SchoolInput = components['schemas']['SchoolInputDto'];
export type DelegationInput = components['schemas']['DelegationInputDto'];

export const districtKeys = {
  schools: ['district', 'schools'] as const,
  schoolList: (q: SchoolQuery) => ['district', 'schools', q] as const,
  clusters: ['district', 'clusters'] as const,
  delegations: ['district', 'delegations'] as const,
  officePeople: (position: 'HEAD' | 'SPECIALIST') => ['district', 'office-people', position] as const,
  signIns: (q: SignInQuery) => ['district', 'sign-ins', q] as const,
};

/** The district's schools (GET /api/schools), filtered by the API. */
export function useSchools(query: SchoolQuery) {
  return useQuery({
    queryKey: districtKeys.schoolList(query),
    queryFn: async () => await unwrap(api.GET('/api/schools', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useClusters() {
  return useQuery({
    queryKey: districtKeys.clusters,
    queryFn: () => unwrap(api.GET('/api/clusters')),
  });
}

/** A school's change shows in the clusters' counts too, and a cluster's name in the schools' rows. */
function useInvalidateSchoolsAndClusters() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: districtKeys.schools }),
      queryClient.invalidateQueries({ queryKey: districtKeys.clusters }),
    ]);
}

export function useCreateSchool() {
  const invalidate = useInvalidateSchoolsAndClusters();
  return useMutation<School, ApiError, SchoolInput>({
    mutationFn: async (body) => await unwrap(api.POST('/api/schools', { body })),
    onSuccess: invalidate,
  });
}

export function useChangeSchool() {
  const invalidate = useInvalidateSchoolsAndClusters();
  return useMutation<School, ApiError, { id: string; body: components['schemas']['SchoolChangeDto'] }>({
    mutationFn: async ({ id, body }) =>
      await unwrap(api.PATCH('/api/schools/{id}', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

/** Close (with a reason) or reopen a school. */
export function useSchoolState() {
  const invalidate = useInvalidateSchoolsAndClusters();
  return useMutation<School, ApiError, { id: string; close: boolean; reason?: string }>({
    mutationFn: async ({ id, close, reason }) =>
      await unwrap(
        close
          ? api.POST('/api/schools/{id}/close', { params: { path: { id } }, body: { reason: reason ?? '' } })
          : api.POST('/api/schools/{id}/reopen', { params: { path: { id } } }),
      ),
    onSuccess: invalidate,
  });
}

export function useCreateCluster() {
  const invalidate = useInvalidateSchoolsAndClusters();
  return useMutation<Cluster, ApiError, { code: string; name: string }>({
    mutationFn: (body) => unwrap(api.POST('/api/clusters', { body })),
    onSuccess: invalidate,
  });
}

export function useRenameCluster() {
  const invalidate = useInvalidateSchoolsAndClusters();
  return useMutation<Cluster, ApiError, { id: string; name: string }>({
    mutationFn: ({ id, name }) => unwrap(api.PATCH('/api/clusters/{id}', { params: { path: { id } }, body: { name } })),
    onSuccess: invalidate,
  });
}

export function useRemoveCluster() {
  const invalidate = useInvalidateSchoolsAndClusters();
  return useMutation<unknown, ApiError, string>({
    mutationFn: (id) => unwrap(api.DELETE('/api/clusters/{id}', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}

/** Every delegation of the district, newest first, with the district's today (GET /api/delegations). */
export function useDelegations() {
  return useQuery({
    queryKey: districtKeys.delegations,
    queryFn: async () => await unwrap(api.GET('/api/delegations')),
  });
}

/** The office's active heads or specialists: who may delegate, and to whom. */
export function useOfficePeople(position: 'HEAD' | 'SPECIALIST') {
  return useQuery({
    queryKey: districtKeys.officePeople(position),
    queryFn: () => unwrap(api.GET('/api/users', { params: { query: { position, active: 'true', pageSize: 200 } } })),
    select: (page) => page.items,
  });
}

export function useRecordDelegation() {
  const queryClient = useQueryClient();
  return useMutation<Delegation, ApiError, DelegationInput>({
    mutationFn: async (body) => await unwrap(api.POST('/api/delegations', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: districtKeys.delegations }),
  });
}

export function useRevokeDelegation() {
  const queryClient = useQueryClient();
  return useMutation<Delegation, ApiError, { id: string; reason: string }>({
    mutationFn: async ({ id, reason }) =>
      await unwrap(api.POST('/api/delegations/{id}/revoke', { params: { path: { id } }, body: { reason } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: districtKeys.delegations }),
  });
}

/** A page of the district's sign-ins, newest first (GET /api/sign-ins). */
export function useSignIns(query: SignInQuery) {
  return useQuery({
    queryKey: districtKeys.signIns(query),
    queryFn: async () => {
      const page = await unwrap(api.GET('/api/sign-ins', { params: { query } }));
      return { ...page, items: page.items };
    },
    placeholderData: keepPreviousData,
  });
}
