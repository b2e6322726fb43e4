import { App, Alert, Button, Space, Typography } from 'antd';
import type { PlanStatus } from '../../common/status';
import type { DraftEditor } from '../editor/useDraftEditor';
import { canSubmit, canSubmitAs, canWithdraw } from '../permissions';
import { planStrings as s } from '../strings';
import { usePlanMove } from './moves';

interface Props {
  planId: string;
  role: string;
  status: PlanStatus;
  editor: DraftEditor;
  hasVersions: boolean;
  /** the button's words for the campaign's kind ("Nộp bản tự đánh giá"); a plan's by default */
  words?: { submit: string; resubmit: string };
}

/** The plan's moves for the school: submit (after a confirmation listing the warnings) and withdraw. */
export function SubmitBar({ planId, role, status, editor, hasVersions, words = s }: Props) {
  const { modal, message } = App.useApp();
  const submit = usePlanMove(planId, 'submit');
  const withdraw = usePlanMove(planId, 'withdraw');
  const errors = editor.checks.errors;
  const warnings = editor.checks.warnings;

  if (!canSubmitAs(role)) {
    return status === 'NOT_STARTED' || status === 'DRAFTING' || status === 'RETURNED' ? (
      <div className="submit-bar">
        <Typography.Text>{s.staffNote}</Typography.Text>
      </div>
    ) : null;
  }

  const confirmSubmit = async () => {
    // What is on screen is what gets submitted: the last keystrokes are saved first.
    if (!(await editor.flush())) return;
    modal.confirm({
      title: s.confirmTitle,
      content: (
        <>
          <p>{s.confirmText}</p>
          {warnings.length > 0 && (
            <>
              <p>{s.confirmWarnings}</p>
              <ul className="issue-list">
                {warnings.map((w) => (
                  <li key={w.field}>{w.message}</li>
                ))}
              </ul>
            </>
          )}
        </>
      ),
      okText: s.confirmOk,
      cancelText: s.cancel,
      // A refusal closes the dialog and is shown in the bar, in the API's words.
      onOk: () =>
        submit.mutateAsync().then(
          () => void message.success(s.submitted),
          () => undefined,
        ),
    });
  };

  const confirmWithdraw = () =>
    modal.confirm({
      title: s.withdrawTitle,
      content: s.withdrawText,
      okText: s.withdraw,
      cancelText: s.cancel,
      onOk: () =>
        withdraw.mutateAsync().then(
          () => void message.success(s.withdrawn),
          () => undefined,
        ),
    });

  const moveError = submit.error ?? withdraw.error;
  const conflict = editor.save.kind === 'conflict';
  const blocked = errors.length > 0 || conflict;
  const reason = conflict ? s.submitConflict : errors.length > 0 ? s.submitBlocked(errors.length) : s.submitReady;
  return (
    <div className="submit-bar">
      {moveError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={<span style={{ whiteSpace: 'pre-line' }}>{moveError.message}</span>}
          style={{ width: '100%' }}
        />
      )}
      {canSubmit(role, status) && (
        <>
          <Typography.Text id="submit-reason" type={blocked ? 'danger' : 'success'}>
            {reason}
          </Typography.Text>
          <Button
            type="primary"
            size="large"
            disabled={blocked}
            loading={submit.isPending}
            onClick={() => void confirmSubmit()}
            aria-describedby="submit-reason"
          >
            {hasVersions ? words.resubmit : words.submit}
          </Button>
        </>
      )}
      {canWithdraw(role, status) && (
        <Space wrap>
          <Typography.Text>{s.waitingOffice}</Typography.Text>
          <Button danger onClick={confirmWithdraw} loading={withdraw.isPending}>
            {s.withdraw}
          </Button>
        </Space>
      )}
    </div>
  );
}
