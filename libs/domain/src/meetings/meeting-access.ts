// Who may see a meeting (DOMAIN.md's readers, per meeting): the district's admins; a reviewer who may read one of
// its schools, decides one of its plans or is invited; and, for the agenda only, the people of a slotted school.
import { type AuthUser, canReadSchool } from '../plans/access';
import { DomainError } from '../common/errors';
import type { MeetingRow } from './meeting-store';

export type MeetingView = 'FULL' | 'AGENDA';

export function canSeeMeeting(user: AuthUser, m: MeetingRow, view: MeetingView): boolean {
  if (m.districtId !== user.districtId) return false;
  switch (user.role) {
    case 'ADMIN':
      return true;
    case 'REVIEWER':
      return (
        m.attendees.some((a) => a.userId === user.id && !a.withdrawnAt) ||
        m.slots.some((s) => s.plan.reviewerId === user.id || canReadSchool(user, s.plan.school))
      );
    case 'PRINCIPAL':
    case 'SCHOOL_STAFF':
      return view === 'AGENDA' && m.slots.some((s) => s.plan.schoolId === user.schoolId);
    case 'CLERK':
    case 'PROVINCE':
      return false;
  }
}

export function assertCanSeeMeeting(user: AuthUser, m: MeetingRow, view: MeetingView): void {
  if (!canSeeMeeting(user, m, view)) {
    throw new DomainError('FORBIDDEN', 'Bạn không có quyền xem hội nghị duyệt kế hoạch này.');
  }
}
