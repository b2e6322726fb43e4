import { Alert, App, Button, Card, DatePicker, Input, Radio, Skeleton, Space, Typography } from 'antd';
import pickerVi from 'antd/es/date-picker/locale/vi_VN';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { VN_TZ, formatDateTime } from '../../common/format';
import { useDistrictCalendar } from '../../extensions/queries';
import { isDayOff, requestedInstant } from '../../extensions/working-days';
import type { Plan } from '../queries';
import { type DecisionContext, type DecisionMove, type Rubric, useDecision, useDecisionContext } from './queries';
import { reviewPlanStrings as s } from './strings';
import './review.css';

/** Month and year buttons named by what they show (axe: label-content-name-mismatch), as the extension picker does. */
const pickerLocale = { ...pickerVi, lang: { ...pickerVi.lang, monthSelect: '', yearSelect: '' } };

const CRITERIA = ['COMPLETE', 'CONCRETE', 'FEASIBLE', 'FITTING'] as const;
const RATINGS = ['MET', 'PARTLY', 'NOT_MET'] as const;
const WAITING = ['SUBMITTED', 'UNDER_REVIEW'];
const END_OF_OFFICE_DAY = '17:00';

/** The office's side of the plan page: the recommendation, the rubric, the comment, the deadline and the decision. */
export function ReviewPanel({ plan }: { plan: Plan }) {
  const waiting = WAITING.includes(plan.status);
  const context = useDecisionContext(plan.id, waiting);
  return (
    <Card size="small" className="review-panel" title={<h2 className="card-title">{s.title}</h2>}>
      {!waiting ? (
        <Typography.Paragraph>{s.notWaiting}</Typography.Paragraph>
      ) : context.error ? (
        <Alert type="error" role="alert" showIcon title={context.error.message} />
      ) : !context.data ? (
        <Skeleton active aria-label={s.loading} />
      ) : (
        <DecisionForm key={plan.currentVersionNo} plan={plan} context={context.data} />
      )}
    </Card>
  );
}

function Recommendation({ plan }: { plan: Plan }) {
  const current = plan.versions.find((v) => v.number === plan.currentVersionNo);
  const rec = [...plan.decisions].reverse().find((d) => !d.final && d.versionId === current?.id);
  return (
    <section className="review-recommendation" aria-labelledby="review-rec-title">
      <h3 id="review-rec-title" className="review-subtitle">
        {s.recommendationTitle}
      </h3>
      {rec ? (
        <>
          <p>
            {s.recommendationText(
              rec.deciderName,
              rec.capacity,
              s.recommendKind[rec.kind],
              formatDateTime(rec.decidedAt),
            )}
          </p>
          {rec.comment && <blockquote className="review-quote">{rec.comment}</blockquote>}
          <RubricView rubric={rec.rubric} />
        </>
      ) : (
        <p>{s.recommendationNone}</p>
      )}
    </section>
  );
}

/** The ratings a recommendation gave, criterion by criterion (those it left out are not listed). */
function RubricView({ rubric }: { rubric: unknown }) {
  const given = rubric && typeof rubric === 'object' ? (rubric as Record<string, { rating?: string } | undefined>) : {};
  const rated = CRITERIA.filter((c) => given[c]?.rating && s.ratings[given[c]!.rating!]);
  if (rated.length === 0) return null;
  return (
    <ul className="review-rubric-given" aria-label={s.rubric}>
      {rated.map((c) => (
        <li key={c}>
          {s.criteria[c]}: <strong>{s.ratings[given[c]!.rating!]}</strong>
        </li>
      ))}
    </ul>
  );
}

function DecisionForm({ plan, context }: { plan: Plan; context: DecisionContext }) {
  const { message, modal } = App.useApp();
  const decision = useDecision(plan.id);
  const [rubric, setRubric] = useState<Rubric>({});
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const defaultDay = dayjs(context.defaultRevisionDeadline).tz(VN_TZ);
  const [day, setDay] = useState<Dayjs | null>(defaultDay);
  const { calendar } = useDistrictCalendar([defaultDay.year(), defaultDay.year() + 1]);
  const today = dayjs().tz(VN_TZ).format('YYYY-MM-DD');
  const twoLevel = context.approvalLevels >= 2;
  const rubricSent = Object.keys(rubric).length > 0 ? rubric : undefined;
  const text = comment.trim();

  const run = (move: DecisionMove, done: string) =>
    decision.mutate(move, { onSuccess: () => void message.success(done) });
  const returnIt = () => {
    if (!text) return setMissing(true);
    const revisionDeadline = day ? requestedInstant(day.format('YYYY-MM-DD'), END_OF_OFFICE_DAY) : undefined;
    run({ kind: 'return', comment: text, rubric: rubricSent, revisionDeadline }, s.returned);
  };
  const approve = () =>
    modal.confirm({
      title: s.approveConfirm,
      content: (
        <>
          <p>{s.approveConfirmText}</p>
          <p>
            {s.capacity}: <strong>{context.decisionCapacity}</strong>
          </p>
        </>
      ),
      okText: s.ok,
      cancelText: s.cancel,
      onOk: () => run({ kind: 'approve', comment: text || undefined, rubric: rubricSent }, s.approved),
    });
  const recommend = (recommendation: 'APPROVE' | 'RETURN') => {
    if (recommendation === 'RETURN' && !text) return setMissing(true);
    run({ kind: 'recommend', recommendation, comment: text || undefined, rubric: rubricSent }, s.recommended);
  };

  return (
    <div className="review-form">
      <p>
        <strong>{s.version(plan.currentVersionNo)}</strong>
        {plan.deadlines.reviewDue && ` · ${s.reviewDue}: ${formatDateTime(plan.deadlines.reviewDue)}`}
      </p>
      {twoLevel && (
        <>
          <Typography.Paragraph type="secondary">{s.twoLevel}</Typography.Paragraph>
          <Recommendation plan={plan} />
        </>
      )}
      <fieldset className="review-rubric">
        <legend className="review-subtitle">{s.rubric}</legend>
        <Typography.Paragraph type="secondary">{s.rubricHelp}</Typography.Paragraph>
        {CRITERIA.map((c) => (
          <fieldset key={c} className="review-criterion">
            <legend className="review-criterion-name">{s.criteria[c]}</legend>
            <Radio.Group
              value={rubric[c]?.rating}
              onChange={(e) => setRubric((r) => ({ ...r, [c]: { rating: e.target.value } }))}
              options={RATINGS.map((r) => ({ value: r, label: s.ratings[r] }))}
            />
          </fieldset>
        ))}
      </fieldset>
      <label htmlFor="review-comment" className="review-label">
        {s.comment}
      </label>
      <Input.TextArea
        id="review-comment"
        value={comment}
        onChange={(e) => {
          setComment(e.target.value);
          setMissing(false);
        }}
        autoSize={{ minRows: 3, maxRows: 10 }}
        aria-describedby="review-comment-help"
        status={missing ? 'error' : undefined}
      />
      <Typography.Text id="review-comment-help" type={missing ? 'danger' : 'secondary'}>
        {missing ? s.commentRequired : s.commentHelpReturn}
      </Typography.Text>
      {context.canDecide && (
        <div className="review-deadline">
          <label htmlFor="review-deadline" className="review-label">
            {s.revisionDeadline}
          </label>
          <DatePicker
            id="review-deadline"
            value={day}
            onChange={setDay}
            format="DD/MM/YYYY"
            locale={pickerLocale}
            placeholder={s.datePlaceholder}
            aria-describedby="review-deadline-help"
            disabledDate={(d) => {
              const iso = d.format('YYYY-MM-DD');
              return iso <= today || isDayOff(iso, calendar);
            }}
          />
          <Typography.Text id="review-deadline-help" type="secondary">
            {s.revisionHelp(context.revisionDays)}
          </Typography.Text>
        </div>
      )}
      <p className="review-capacity">
        {s.capacity}: <strong>{context.canDecide ? context.decisionCapacity : context.recommendationCapacity}</strong>
      </p>
      {decision.error && <Alert type="error" role="alert" showIcon title={decision.error.message} />}
      <Space wrap>
        {context.canDecide ? (
          <>
            <Button type="primary" onClick={approve} loading={decision.isPending}>
              {s.approve}
            </Button>
            <Button danger onClick={returnIt} loading={decision.isPending}>
              {s.return}
            </Button>
          </>
        ) : (
          <>
            <Typography.Paragraph type="secondary">{s.cannotDecide}</Typography.Paragraph>
            <Button type="primary" onClick={() => recommend('APPROVE')} loading={decision.isPending}>
              {s.recommendApprove}
            </Button>
            <Button danger onClick={() => recommend('RETURN')} loading={decision.isPending}>
              {s.recommendReturn}
            </Button>
          </>
        )}
      </Space>
    </div>
  );
}
