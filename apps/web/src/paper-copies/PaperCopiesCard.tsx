import { Alert, Button, Card, Form, Input, InputNumber, Skeleton, Tag } from 'antd';
import { formatDateTime } from '../common/format';
import { statusTagStyle } from '../common/status';
import { usePaperCopies, useRecordPaperCopies } from './queries';
import { paperStrings as s } from './strings';

const RECORDERS = ['CLERK', 'ADMIN'];

interface Props {
  planId: string;
  role: string;
}

/**
 * The signed paper copies the directive asks of the school (bản giấy): how many the office has received, each
 * delivery with who recorded it, and for the clerk (or an admin) the form to record one as it arrives.
 */
export function PaperCopiesCard({ planId, role }: Props) {
  const paper = usePaperCopies(planId);
  const record = useRecordPaperCopies(planId);
  const [form] = Form.useForm<{ copies: number; note?: string }>();
  const data = paper.data;
  if (data && data.required === 0) return null;
  const missing = data ? Math.max(data.required - data.received, 0) : 0;

  return (
    <Card title={<h2 className="card-title">{s.title}</h2>} size="small" className="paper-copies">
      {paper.error && <Alert type="error" role="alert" showIcon title={paper.error.message} />}
      {!data && !paper.error && <Skeleton active />}
      {data && (
        <>
          <p>
            <strong>{s.received(data.received, data.required)}</strong>{' '}
            {data.complete ? (
              <Tag style={statusTagStyle('APPROVED')}>{s.complete}</Tag>
            ) : (
              <Tag style={statusTagStyle('RETURNED')}>{s.missing(missing)}</Tag>
            )}
          </p>
          {data.receipts.length === 0 ? (
            <p>{s.none}</p>
          ) : (
            <ul aria-label={s.receipts}>
              {data.receipts.map((r) => (
                <li key={r.id}>
                  <time dateTime={r.receivedAt}>{formatDateTime(r.receivedAt)}</time>:{' '}
                  {s.receipt(r.copies, r.recordedBy.fullName)}
                  {r.note ? ` (${r.note})` : ''}
                </li>
              ))}
            </ul>
          )}
          {RECORDERS.includes(role) && (
            <Form
              form={form}
              layout="inline"
              initialValues={{ copies: Math.max(missing, 1) }}
              onFinish={(values) =>
                record.mutate(
                  { copies: values.copies, note: values.note?.trim() || undefined },
                  { onSuccess: () => form.resetFields(['note']) },
                )
              }
            >
              <Form.Item name="copies" label={s.copies} rules={[{ required: true, message: s.copies }]}>
                <InputNumber min={1} max={100} precision={0} />
              </Form.Item>
              <Form.Item name="note" label={s.note}>
                <Input placeholder={s.notePlaceholder} maxLength={500} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={record.isPending}>
                {s.record}
              </Button>
            </Form>
          )}
          {record.error && <Alert type="error" role="alert" showIcon title={record.error.message} />}
          {record.isSuccess && <Alert type="success" role="status" showIcon title={s.recorded} />}
        </>
      )}
    </Card>
  );
}
