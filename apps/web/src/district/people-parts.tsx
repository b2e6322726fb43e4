import { Tag } from 'antd';
import type { User } from './queries-people';
import { POSITION_LABEL, peopleStrings as s } from './strings-people';

/** "Q. Hiệu trưởng", or the person's own title when it says more than the position ("Trưởng phòng GD&ĐT"). */
export function positionText(u: Pick<User, 'position' | 'acting' | 'title'>): string {
  const position = `${u.acting ? 'Q. ' : ''}${POSITION_LABEL[u.position]}`;
  return u.title && u.title !== position ? `${position} (${u.title})` : position;
}

export const schoolText = (u: Pick<User, 'school'>): string => u.school?.name ?? s.office;

// Dark text on a light tint, above 4.5:1 (as the plan statuses' tags in common/status.ts).
const ACTIVE = { color: '#1e5e0a', background: '#ebf7e4', borderColor: '#9fd48a' };
const INACTIVE = { color: '#3d4452', background: '#f0f2f5', borderColor: '#c9ced6' };
const ERASED = { color: '#9b1c1c', background: '#fdeceb', borderColor: '#f2a9a4' };

export function PersonStatusTag({ user }: { user: Pick<User, 'active' | 'erasedAt'> }) {
  if (user.erasedAt) return <Tag style={ERASED}>{s.erased}</Tag>;
  return user.active ? <Tag style={ACTIVE}>{s.active}</Tag> : <Tag style={INACTIVE}>{s.inactive}</Tag>;
}
