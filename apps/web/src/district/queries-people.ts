import { type QueryClient, keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { components } from '../api/client';
import type { ApiError } from '../api/errors';
import type { PeopleFilters } from './people-filters';

export type User = components['schemas']['UserDto'];
export type UserChangeResult = components['schemas']['UserChangeDto'];
export type ImportReport = components['schemas']['ImportReportDto'];
export type ImportApplied = components['schemas']['ImportAppliedDto'];

/**
 * Keys under ['district', …]: the people's reads under 'people', so that a change to one person (or an import)
 * refreshes the list and that person. The schools and clusters offered in the selects sit under the keys the
 * schools' and clusters' pages also invalidate ('schools', 'clusters').
 */
export const peopleKeys = {
  all: ['district', 'people'] as const,
  list: (filters: PeopleFilters) => ['district', 'people', 'list', filters] as const,
  one: (id: string) => ['district', 'people', 'one', id] as const,
  scope: (id: string) => ['district', 'people', 'one', id, 'scope'] as const,
  schoolOptions: ['district', 'schools', 'options'] as const,
  clusterOptions: ['district', 'clusters', 'options'] as const,
};

const path = (id: string) => ({ params: { path: { id } } });

/** The district's people, filtered and paged by the API (GET /api/users). */
export function useUsers(filters: PeopleFilters, enabled = true) {
  return useQuery({
    queryKey: peopleKeys.list(filters),
    queryFn: () => unwrap(api.GET('/api/users', { params: { query: filters } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One person with their school and review scope (GET /api/users/:id). */
export function useUser(id: string) {
  return useQuery({ queryKey: peopleKeys.one(id), queryFn: () => unwrap(api.GET('/api/users/{id}', path(id))) });
}

/** Every school of the district, open or closed, for the selects (GET /api/schools). */
export function useSchoolOptions() {
  return useQuery({
    queryKey: peopleKeys.schoolOptions,
    queryFn: () => unwrap(api.GET('/api/schools', { params: { query: {} } })),
    select: (data) => data.items,
  });
}

/** The district's clusters, for a specialist's scope (GET /api/clusters). */
export function useClusterOptions() {
  return useQuery({
    queryKey: peopleKeys.clusterOptions,
    queryFn: () => unwrap(api.GET('/api/clusters')),
    select: (data) => data.items,
  });
}

/** A person changed: the lists, the person, and the schools' counts of active people. */
const refresh = (queryClient: QueryClient) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
    queryClient.invalidateQueries({ queryKey: ['district', 'schools'] }),
    queryClient.invalidateQueries({ queryKey: ['district', 'clusters'] }),
  ]);

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation<UserChangeResult, ApiError, components['schemas']['UserInputDto']>({
    mutationFn: (body) => unwrap(api.POST('/api/users', { body })),
    onSettled: () => refresh(queryClient),
  });
}

export function useChangeUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation<UserChangeResult, ApiError, components['schemas']['UserChangeInputDto']>({
    mutationFn: (body) => unwrap(api.PATCH('/api/users/{id}', { ...path(id), body })),
    onSettled: () => refresh(queryClient),
  });
}

export function useDeactivateUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation<UserChangeResult, ApiError, components['schemas']['UserDeactivateDto']>({
    mutationFn: (body) => unwrap(api.POST('/api/users/{id}/deactivate', { ...path(id), body })),
    onSettled: () => refresh(queryClient),
  });
}

export function useReactivateUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation<UserChangeResult, ApiError, void>({
    mutationFn: () => unwrap(api.POST('/api/users/{id}/reactivate', path(id))),
    onSettled: () => refresh(queryClient),
  });
}

/** Sends (again) the invitation to set a password; the person's earlier link stops working. */
export function useInviteUser() {
  return useMutation<components['schemas']['InvitationSentDto'], ApiError, string>({
    mutationFn: (id) => unwrap(api.POST('/api/users/{id}/invitation', path(id))),
  });
}

export function useReplaceReviewScope(id: string) {
  const queryClient = useQueryClient();
  return useMutation<components['schemas']['ReviewScopeDto'], ApiError, components['schemas']['ReviewScopeInputDto']>({
    mutationFn: (body) => unwrap(api.PUT('/api/users/{id}/review-scope', { ...path(id), body })),
    onSettled: () => refresh(queryClient),
  });
}

export function useEraseUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation<components['schemas']['ErasureDto'], ApiError, void>({
    mutationFn: () => unwrap(api.POST('/api/users/{id}/erase', path(id))),
    onSettled: () => refresh(queryClient),
  });
}

/** The person's personal data, fetched (the export is audited) and handed to the browser as a JSON file. */
export function useExportPersonalData(id: string) {
  return useMutation<void, ApiError, string>({
    mutationFn: async (fileName) => {
      const data = await unwrap(api.GET('/api/users/{id}/personal-data', path(id)));
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  });
}

/** The workbook as the import routes take it: one multipart field "file". */
const workbookBody = (file: File) => {
  const form = new FormData();
  form.append('file', file, file.name);
  // The browser writes the multipart body and its boundary itself.
  return { body: form as never, bodySerializer: (body: unknown) => body as FormData };
};

/** The dry run: every problem and what an apply would change; writes nothing. */
export function useImportCheck() {
  return useMutation<ImportReport, ApiError, File>({
    mutationFn: (file) => unwrap(api.POST('/api/district-import/check', workbookBody(file))),
  });
}

/** The apply of the same file (checked again whole by the API, idempotent: the same file twice changes nothing). */
export function useImportApply() {
  const queryClient = useQueryClient();
  return useMutation<ImportApplied, ApiError, { file: File; invite: boolean }>({
    mutationFn: ({ file, invite }) =>
      unwrap(
        api.POST('/api/district-import/apply', {
          ...workbookBody(file),
          params: { query: { invite: invite ? 'true' : 'false' } },
        }),
      ),
    onSettled: () => refresh(queryClient),
  });
}

export const TEMPLATE_URL = '/api/district-import/template';
