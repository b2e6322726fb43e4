import { Card } from 'antd';
import { formatDateTime, formatLocalDay } from '../../common/format';
import type { PlanFormView } from '../queries';
import { planStrings as s } from '../strings';

/** The directive the plan answers, as the office wrote it: number, title, legal bases, deadline, copies, receiver. */
export function DirectiveHeader({ form }: { form: PlanFormView }) {
  const c = form.campaign;
  const due = form.standing.due;
  const showDueInForce =
    due && due.holder === 'SCHOOL' && new Date(due.at).getTime() !== new Date(c.submissionDeadline).getTime();
  return (
    <Card title={<h2 className="card-title">{s.directive}</h2>} size="small" className="directive">
      <dl>
        <dt>{s.documentNumber}</dt>
        <dd>{c.documentNumber}</dd>
        <dt>{s.issuedOn}</dt>
        <dd>{formatLocalDay(c.issuedOn)}</dd>
        <dt>{s.title}</dt>
        <dd>{c.title}</dd>
        <dt>{s.legalBases}</dt>
        <dd>
          <ul className="issue-list">
            {c.legalBases.map((basis) => (
              <li key={basis}>{basis}</li>
            ))}
          </ul>
        </dd>
        <dt>{s.deadline}</dt>
        <dd>{formatDateTime(c.submissionDeadline)}</dd>
        {showDueInForce && (
          <>
            <dt>{s.deadlineInForce}</dt>
            <dd>{formatDateTime(due.at)}</dd>
          </>
        )}
        <dt>{s.paperCopies}</dt>
        <dd>{s.copies(c.paperCopies)}</dd>
        <dt>{s.receiver}</dt>
        <dd>{c.receiver ? `${c.receiver.fullName} (${c.receiver.title})` : s.noReceiver}</dd>
      </dl>
    </Card>
  );
}
