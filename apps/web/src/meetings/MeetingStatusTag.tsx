import { Tag } from 'antd';
import { planStatusLabel, statusTagStyle, type PlanStatus } from '../common/status';
import { meetingStrings as s } from './strings';

/** A meeting's own state, in the plan tags' colours: scheduled like work under way, cancelled greyed out. */
export function MeetingStatusTag({ status }: { status: string }) {
  return (
    <Tag style={statusTagStyle(status === 'CANCELLED' ? 'CLOSED' : 'UNDER_REVIEW')}>
      {s.meetingStatus[status] ?? status}
    </Tag>
  );
}

export function PlanStatusTag({ status }: { status: PlanStatus }) {
  return <Tag style={statusTagStyle(status)}>{planStatusLabel(status)}</Tag>;
}

/** An outcome recorded at the meeting, in the colours of the state it led to. */
export function OutcomeTag({ outcome }: { outcome: string | null }) {
  if (!outcome) return <Tag style={statusTagStyle('NOT_STARTED')}>{s.noOutcome}</Tag>;
  return (
    <Tag style={statusTagStyle(outcome === 'APPROVED' ? 'APPROVED' : 'RETURNED')}>{s.outcome[outcome] ?? outcome}</Tag>
  );
}
