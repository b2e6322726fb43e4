import { Alert, Button, Card, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { asApiError } from '../api/errors';
import { formatDateTime } from '../common/format';
import { common } from '../common/strings';
import type { User } from './queries-people';
import { peopleStrings as s } from './strings-people';

export const schoolText = (u: Pick<User, 'school'>): string => u.school?.name ?? s.office;

// Dark text on a light tint, above 4.5:1 (as the plan statuses' tags in common/status.ts).
const ACTIVE = { color: '#1e5e0a', background: '#ebf7e4', borderColor: '#9fd48a' };
const INACTIVE = { color: '#3d4452', background: '#f0f2f5', borderColor: '#c9ced6' };
const ERASED = { color: '#9b1c1c', background: '#fdeceb', borderColor: '#f2a9a4' };

export function PersonStatusTag({ user }: { user: Pick<User, 'active' | 'erasedAt'> }) {
  if (user.erasedAt) return <Tag style={ERASED}>{s.erased}</Tag>;
  return user.active ? <Tag style={ACTIVE}>{s.active}</Tag> : <Tag style={INACTIVE}>{s.inactive}</Tag>;
}

/** A part of the person's page: a card under its own level-3 heading. */
export function PersonCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card
      className="person-card"
      title={
        <Typography.Title level={3} className="person-card-title">
          {title}
        </Typography.Title>
      }
    >
      {children}
    </Card>
  );
}

/** A read that failed, in the API's words, with a way to try again (the district's layout keeps the page's h1). */
export function ReadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={asApiError(error).message}
      action={<Button onClick={onRetry}>{common.retry}</Button>}
    />
  );
}

/** What an invitation's sending answered: to whom, and until when its link works. */
export function InvitationSent({ sent }: { sent: { email: string; expiresAt: string } }) {
  return <Alert type="success" showIcon role="status" title={s.invited(sent.email, formatDateTime(sent.expiresAt))} />;
}
