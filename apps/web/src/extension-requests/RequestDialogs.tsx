import { Alert, App, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { idempotencyKey } from '../api/client';
import { VN_TZ } from '../common/format';
import { pickerLocale } from '../common/picker-locale';
import { useDistrictCalendar } from '../extensions/queries';
import { requestedInstant } from '../extensions/working-days';
import { canGrantOn } from './grant-days';
import { type PendingRequest, useGrantRequest, useRefuseRequest } from './queries';
import { requestStrings as s } from './strings';

const today = () => dayjs().tz(VN_TZ).format('YYYY-MM-DD');

/** Grant: a working day after the deadline in force (the request's date when it is one), and the office's note. */
export function GrantDialog({ request, onClose }: { request: PendingRequest; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ until: Dayjs; note: string }>();
  const grant = useGrantRequest();
  // One key per dialog: a retried click grants once.
  const [key] = useState(idempotencyKey);
  const due = dayjs(request.deadline).tz(VN_TZ);
  const deadlineDay = due.format('YYYY-MM-DD');
  const time = due.format('HH:mm');
  const { calendar, ready, error } = useDistrictCalendar([due.year(), due.year() + 1]);
  const asked = request.requestedUntil ? dayjs(request.requestedUntil).tz(VN_TZ) : null;
  const allowed = (d: Dayjs) => canGrantOn(d.format('YYYY-MM-DD'), deadlineDay, today(), calendar);
  const school = request.plan.school.name;

  // The day the school asked for, once the calendar says it may be given.
  const askedDay = asked?.format('YYYY-MM-DD');
  useEffect(() => {
    if (!ready || !askedDay || form.getFieldValue('until')) return;
    if (canGrantOn(askedDay, deadlineDay, today(), calendar)) form.setFieldValue('until', dayjs.tz(askedDay, VN_TZ));
  }, [ready, askedDay, deadlineDay, calendar, form]);

  const send = async () => {
    const values = await form.validateFields();
    grant.mutate(
      { request, until: requestedInstant(values.until.format('YYYY-MM-DD'), time), note: values.note.trim(), key },
      {
        onSuccess: () => {
          void message.success(s.granted);
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      title={s.grantTitle(school)}
      okText={s.grant}
      cancelText={s.cancel}
      onOk={() => void send()}
      onCancel={onClose}
      confirmLoading={grant.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="grant" requiredMark={false}>
        <Form.Item
          name="until"
          label={s.until}
          extra={s.untilHelp(time)}
          rules={[{ required: true, message: s.untilRequired }]}
        >
          <DatePicker
            format="DD/MM/YYYY"
            locale={pickerLocale}
            placeholder={s.datePlaceholder}
            defaultPickerValue={asked ?? due.add(1, 'day')}
            disabledDate={(d) => !allowed(d)}
            className="requests-date"
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={s.note}
          rules={[{ required: true, whitespace: true, min: 3, message: s.noteRequired }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={s.notePlaceholder} maxLength={2000} />
        </Form.Item>
      </Form>
      {(grant.error ?? error) && <Alert type="error" role="alert" showIcon title={(grant.error ?? error)!.message} />}
    </Modal>
  );
}

/** Refuse, with the reason the principal will read. */
export function RefuseDialog({ request, onClose }: { request: PendingRequest; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const refuse = useRefuseRequest();

  const send = async () => {
    const values = await form.validateFields();
    refuse.mutate(
      { request, note: values.note.trim() },
      {
        onSuccess: () => {
          void message.success(s.refused);
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      title={s.refuseTitle(request.plan.school.name)}
      okText={s.refuse}
      okButtonProps={{ danger: true }}
      cancelText={s.cancel}
      onOk={() => void send()}
      onCancel={onClose}
      confirmLoading={refuse.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="refuse" requiredMark={false}>
        <Form.Item
          name="note"
          label={s.refuseReason}
          rules={[{ required: true, whitespace: true, min: 3, message: s.refuseReasonRequired }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
        </Form.Item>
      </Form>
      {refuse.error && <Alert type="error" role="alert" showIcon title={refuse.error.message} />}
    </Modal>
  );
}
