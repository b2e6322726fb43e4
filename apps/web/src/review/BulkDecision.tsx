import { Alert, Button, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { type BulkOutcome, type QueueItem, useBulkDecision } from './queries';
import { reviewStrings as s } from './strings';

type Action = 'approve' | 'return';

/**
 * The bar over the queue while plans are selected: approve or return them all with one shared comment. Under
 * two-level approval, or for a plan already decided, the server refuses some: the results say which and why.
 */
export function BulkDecision(props: {
  planIds: string[];
  items: QueueItem[];
  onDone: (result: BulkOutcome, names: Map<string, string>) => void;
}) {
  const [action, setAction] = useState<Action | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const bulk = useBulkDecision();
  const n = props.planIds.length;

  const open = (a: Action) => {
    bulk.reset();
    setMissing(false);
    setAction(a);
  };
  const send = () => {
    if (!action) return;
    const text = comment.trim();
    if (action === 'return' && !text) {
      setMissing(true);
      return;
    }
    const names = new Map(props.items.map((i) => [i.id, i.school.name]));
    bulk.mutate(
      { action, planIds: props.planIds, ...(text ? { comment: text } : {}) },
      {
        onSuccess: (result) => {
          setAction(null);
          setComment('');
          props.onDone(result, names);
        },
      },
    );
  };

  return (
    <section className="queue-bulk" aria-label={s.selected(n)}>
      <strong>{s.selected(n)}</strong>
      <Space wrap>
        <Button type="primary" onClick={() => open('approve')}>
          {s.bulkApprove}
        </Button>
        <Button danger onClick={() => open('return')}>
          {s.bulkReturn}
        </Button>
      </Space>
      <Modal
        open={action !== null}
        title={action === 'return' ? s.bulkReturnTitle(n) : s.bulkApproveTitle(n)}
        okText={action === 'return' ? s.confirmReturn : s.confirmApprove}
        okButtonProps={{ danger: action === 'return', loading: bulk.isPending }}
        cancelText={s.cancel}
        onOk={send}
        onCancel={() => setAction(null)}
        rootClassName="queue-modal"
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{s.bulkNote}</Typography.Paragraph>
        <ul className="queue-bulk-list">
          {props.planIds.map((id) => (
            <li key={id}>{props.items.find((i) => i.id === id)?.school.name ?? s.unknownPlan}</li>
          ))}
        </ul>
        <label htmlFor="bulk-comment" className="queue-field-label">
          {s.sharedComment}
        </label>
        <Input.TextArea
          id="bulk-comment"
          value={comment}
          onChange={(e) => {
            setComment(e.target.value);
            setMissing(false);
          }}
          autoSize={{ minRows: 3, maxRows: 8 }}
          aria-describedby="bulk-comment-help"
          status={missing ? 'error' : undefined}
        />
        <Typography.Text type={missing ? 'danger' : 'secondary'} id="bulk-comment-help">
          {missing ? s.commentRequired : action === 'return' ? s.sharedCommentHelp : ''}
        </Typography.Text>
        {bulk.error && <Alert type="error" role="alert" showIcon title={bulk.error.message} />}
      </Modal>
    </section>
  );
}

/** What the bulk decision did to each plan: done, or refused with the server's reason. */
export function BulkResults(props: { result: BulkOutcome; names: Map<string, string>; onClose: () => void }) {
  const { done, failed, results } = props.result;
  return (
    <Alert
      type={failed === 0 ? 'success' : 'warning'}
      showIcon
      closable={{ onClose: props.onClose, 'aria-label': s.close }}
      className="queue-results"
      role="status"
      title={s.resultTitle(done, failed)}
      description={
        <ul className="queue-results-list" aria-label={s.resultTitle(done, failed)}>
          {results.map((r) => (
            <li key={r.planId} className={r.ok ? 'queue-result-ok' : 'queue-result-refused'}>
              <strong>{props.names.get(r.planId) ?? s.unknownPlan}</strong>:{' '}
              {r.ok ? s.resultOk : `${s.resultRefused}: ${r.error?.message ?? ''}`}
            </li>
          ))}
        </ul>
      }
    />
  );
}
