import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, idempotencyKey, unwrap } from '../api/client';
import type { ApiError } from '../api/errors';
import { timelineKeys } from '../timeline/queries';
import { versionKeys } from '../versions/queries';

export const attachmentKeys = {
  list: (planId: string) => ['plans', planId, 'attachments'] as const,
  rules: (planId: string) => ['plans', planId, 'attachments', 'rules'] as const,
};

const path = (id: string) => ({ params: { path: { id } } });

/** The draft's files (GET /api/plans/:id/attachments). */
export function useAttachments(planId: string) {
  return useQuery({
    queryKey: attachmentKeys.list(planId),
    queryFn: () => unwrap(api.GET('/api/plans/{id}/attachments', path(planId))),
  });
}

/** The size limit the server applies, read once (GET /api/plans/:id/attachments/rules). */
export function useAttachmentRules(planId: string) {
  return useQuery({
    queryKey: attachmentKeys.rules(planId),
    queryFn: () => unwrap(api.GET('/api/plans/{id}/attachments/rules', path(planId))),
    staleTime: Infinity,
  });
}

export type Attachment = NonNullable<ReturnType<typeof useAttachments>['data']>[number];

export function useUploadAttachment(planId: string) {
  const queryClient = useQueryClient();
  return useMutation<Attachment, ApiError, File>({
    mutationFn: (file) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return unwrap(
        api.POST('/api/plans/{id}/attachments', {
          ...path(planId),
          headers: { 'Idempotency-Key': idempotencyKey() },
          // The browser writes the multipart body and its boundary itself.
          body: form as never,
          bodySerializer: (body: unknown) => body as FormData,
        }),
      );
    },
    onSettled: () => refresh(queryClient, planId),
  });
}

export function useRemoveAttachment(planId: string) {
  const queryClient = useQueryClient();
  return useMutation<Attachment, ApiError, string>({
    mutationFn: (attachmentId) =>
      unwrap(
        api.DELETE('/api/plans/{id}/attachments/{attachmentId}', {
          params: { path: { id: planId, attachmentId } },
          headers: { 'Idempotency-Key': idempotencyKey() },
        }),
      ),
    onSettled: () => refresh(queryClient, planId),
  });
}

/** A file added or removed: the list, the trail, and the comparisons against the draft change. */
function refresh(queryClient: QueryClient, planId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: attachmentKeys.list(planId), exact: true }),
    queryClient.invalidateQueries({ queryKey: timelineKeys.all(planId) }),
    queryClient.invalidateQueries({ queryKey: versionKeys.all(planId) }),
  ]);
}

/** Where the browser downloads a file: the cookie goes with a plain link. */
export const downloadUrl = (planId: string, attachmentId: string) =>
  `/api/plans/${planId}/attachments/${attachmentId}/content`;
