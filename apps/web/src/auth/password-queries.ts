import { useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { ApiError } from '../api/errors';

/** Whose account a password link opens, while it works (POST /api/auth/password/link). */
export const usePasswordLink = (token: string) =>
  useQuery({
    queryKey: ['password-link', token],
    queryFn: () => unwrap(api.POST('/api/auth/password/link', { body: { token } })),
    enabled: token !== '',
    retry: false,
    staleTime: Infinity,
  });

/** Sets the password the link is for (POST /api/auth/password/set). */
export const useSetPassword = () =>
  useMutation<{ email: string; message: string }, ApiError, { token: string; password: string }>({
    mutationFn: (body) => unwrap(api.POST('/api/auth/password/set', { body })),
  });

/** Changes one's own password (POST /api/auth/password): the API sends this browser a new session cookie. */
export const useChangePassword = () =>
  useMutation<{ message: string }, ApiError, { currentPassword: string; newPassword: string }>({
    mutationFn: (body) => unwrap(api.POST('/api/auth/password', { body })),
  });

/** "Forgot password": the same answer whether or not the e-mail has an account (POST /api/auth/password/forgot). */
export const useForgotPassword = () =>
  useMutation<{ message: string }, ApiError, { email: string }>({
    mutationFn: (body) => unwrap(api.POST('/api/auth/password/forgot', { body })),
  });
