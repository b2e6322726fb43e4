import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { VN_TZ, formatDateTime } from '../common/format';
import { pickerLocale } from '../common/picker-locale';
import { type ExtensionRequest, useDistrictCalendar, useExtensionRequests, useRequestExtension } from './queries';
import { extensionStrings as s } from './strings';
import { canAskFor, requestedInstant } from './working-days';
import './extensions.css';

interface Props {
  planId: string;
  role: string;
  status: string;
  /** the deadline in force: the revision deadline of a returned plan, else the submission deadline */
  deadline: string;
}

/** Deadlines the school may ask to move: while it holds the pen (the API's rule). */
const SCHOOL_SIDE = ['NOT_STARTED', 'DRAFTING', 'RETURNED'];

/** The principal asks for more time (a reason and a working day), and sees each request's answer. */
export function ExtensionCard({ planId, role, status, deadline }: Props) {
  const requests = useExtensionRequests(planId);
  const [asking, setAsking] = useState(false);
  const list = requests.data ?? [];
  const pending = list.some((r) => r.status === 'PENDING');
  const mayAsk = role === 'PRINCIPAL' && SCHOOL_SIDE.includes(status);
  if (!mayAsk && list.length === 0) return null;
  return (
    <Card title={<h2 className="card-title">{s.title}</h2>} size="small" className="extensions">
      {mayAsk && <p className="extension-intro">{s.intro(formatDateTime(deadline))}</p>}
      {list.length > 0 && (
        <ol className="extension-list" aria-label={s.list}>
          {[...list].reverse().map((r) => (
            <RequestView key={r.id} r={r} />
          ))}
        </ol>
      )}
      {mayAsk &&
        (pending ? (
          <p className="extension-pending-note">{s.pendingNote}</p>
        ) : (
          <Button onClick={() => setAsking(true)}>{s.ask}</Button>
        ))}
      {asking && <AskDialog planId={planId} deadline={deadline} onClose={() => setAsking(false)} />}
    </Card>
  );
}

function RequestView({ r }: { r: ExtensionRequest }) {
  return (
    <li className={`extension-request extension-${r.status.toLowerCase()}`}>
      <div>
        <Tag className="extension-tag" bordered={false}>
          {r.status === 'PENDING' ? s.pending : r.status === 'GRANTED' ? s.granted : s.refused}
        </Tag>
        <span className="extension-when">
          {s.askedOn(formatDateTime(r.createdAt))}
          {r.requestedUntil && `, ${s.askedUntil(formatDateTime(r.requestedUntil))}`}
        </span>
      </div>
      <p>{s.reasonOf(r.reason)}</p>
      {r.status === 'GRANTED' && r.grantedUntil && (
        <p className="extension-answer">{s.grantedUntil(formatDateTime(r.grantedUntil))}</p>
      )}
      {r.status === 'GRANTED' && r.decisionNote && <p>{s.note(r.decisionNote)}</p>}
      {r.status === 'REFUSED' && <p className="extension-answer">{s.refusedWhy(r.decisionNote ?? '')}</p>}
    </li>
  );
}

function AskDialog({ planId, deadline, onClose }: { planId: string; deadline: string; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string; until: Dayjs }>();
  const request = useRequestExtension(planId);
  const due = dayjs(deadline).tz(VN_TZ);
  const deadlineDay = due.format('YYYY-MM-DD');
  const time = due.format('HH:mm');
  const { calendar, error } = useDistrictCalendar([due.year(), due.year() + 1]);

  const send = async () => {
    const values = await form.validateFields();
    const day = values.until.format('YYYY-MM-DD');
    request.mutate(
      { reason: values.reason.trim(), requestedUntil: requestedInstant(day, time) },
      {
        onSuccess: () => {
          void message.success(s.sent);
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      title={s.dialogTitle}
      okText={s.send}
      cancelText={s.cancel}
      onOk={() => void send()}
      onCancel={onClose}
      confirmLoading={request.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="extension" requiredMark={false}>
        <Form.Item
          name="reason"
          label={s.reason}
          rules={[{ required: true, whitespace: true, min: 3, message: s.reasonRequired }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} placeholder={s.reasonPlaceholder} />
        </Form.Item>
        <Form.Item
          name="until"
          label={s.until}
          extra={s.untilHelp(time)}
          rules={[{ required: true, message: s.until }]}
        >
          <DatePicker
            format="DD/MM/YYYY"
            locale={pickerLocale}
            placeholder={s.datePlaceholder}
            defaultPickerValue={due.add(1, 'day')}
            disabledDate={(d) => !canAskFor(d.format('YYYY-MM-DD'), deadlineDay, calendar)}
            className="extension-date"
          />
        </Form.Item>
      </Form>
      {(request.error ?? error) && (
        <Alert type="error" role="alert" showIcon title={(request.error ?? error)!.message} />
      )}
    </Modal>
  );
}
