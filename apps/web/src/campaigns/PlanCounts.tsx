import { PLAN_STATUSES } from '@shared/plan-moves';
import { Tag } from 'antd';
import { planStatusLabel, statusTagStyle } from '../common/status';
import { campaignStrings as s } from './strings';

/** A campaign's plans by status, in the order of a plan's life: "Chưa bắt đầu 12 · Đã nộp 3". */
export function PlanCounts({ counts }: { counts: Record<string, number> }) {
  const shown = PLAN_STATUSES.filter((status) => counts[status]);
  if (shown.length === 0) return <span>{s.noPlans}</span>;
  return (
    <span className="plan-counts">
      {shown.map((status) => (
        <Tag key={status} style={statusTagStyle(status)}>
          {planStatusLabel(status)}: {counts[status]}
        </Tag>
      ))}
    </span>
  );
}
