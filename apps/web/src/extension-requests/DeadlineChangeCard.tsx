import { Alert, App, Button, Card, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { idempotencyKey } from '../api/client';
import { VN_TZ, formatDateTime } from '../common/format';
import { pickerLocale } from '../common/picker-locale';
import { planStatusLabel } from '../common/status';
import { useDistrictCalendar } from '../extensions/queries';
import { requestedInstant } from '../extensions/working-days';
import { canGrantOn } from './grant-days';
import { type DeadlineKind, type PlanChoice, useChangeDeadline, usePlanSearch } from './queries';
import { requestStrings as s } from './strings';

interface Values {
  planId: string;
  kind: DeadlineKind;
  until: Dayjs;
  reason: string;
}

/** The deadline a plan's state runs against: the school's while it holds the pen, the office's while it reviews. */
const kindFor = (status: string): DeadlineKind =>
  status === 'RETURNED' ? 'REVISION' : status === 'SUBMITTED' || status === 'UNDER_REVIEW' ? 'REVIEW' : 'SUBMISSION';

/** One school's own deadline, with a reason, without a request (POST /api/plans/:id/deadline). */
export function DeadlineChangeCard() {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<PlanChoice | null>(null);
  const [key, setKey] = useState(idempotencyKey);
  const search = usePlanSearch(q);
  const change = useChangeDeadline();
  const now = dayjs().tz(VN_TZ);
  const { calendar, error } = useDistrictCalendar([now.year(), now.year() + 1]);
  const todayDay = now.format('YYYY-MM-DD');
  const time = picked?.deadline ? dayjs(picked.deadline).tz(VN_TZ).format('HH:mm') : '17:00';
  const found = search.data?.items ?? [];
  // The chosen plan stays an option (with its name) after the next search.
  const options = picked && !found.some((p) => p.planId === picked.planId) ? [picked, ...found] : found;

  const save = async () => {
    const values = await form.validateFields();
    const until = requestedInstant(values.until.format('YYYY-MM-DD'), time);
    change.mutate(
      { planId: values.planId, kind: values.kind, until, reason: values.reason.trim(), key },
      {
        onSuccess: () => {
          void message.success(s.changed(picked?.school.name ?? '', formatDateTime(until)));
          form.resetFields();
          setPicked(null);
          setKey(idempotencyKey());
        },
      },
    );
  };

  return (
    <Card title={<h2 className="card-title">{s.changeTitle}</h2>} size="small" className="requests-change">
      <p>
        {s.changeIntro} <Link to="/campaigns">{s.campaignsLink}</Link>
      </p>
      <Form form={form} layout="vertical" name="deadline-change" requiredMark={false} className="requests-form">
        <Form.Item name="planId" label={s.plan} rules={[{ required: true, message: s.planRequired }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            placeholder={s.planPlaceholder}
            loading={search.isFetching}
            notFoundContent={null}
            options={options.map((p) => ({
              value: p.planId,
              label: s.planOption(`${p.school.name} (${p.school.code})`, p.campaign.title),
            }))}
            onChange={(id: string) => {
              const plan = options.find((p) => p.planId === id) ?? null;
              setPicked(plan);
              if (plan) form.setFieldValue('kind', kindFor(plan.status));
            }}
          />
        </Form.Item>
        {picked && (
          <p className="requests-picked">
            {planStatusLabel(picked.status)}
            {picked.deadline && ` · ${s.currentDeadline}: ${formatDateTime(picked.deadline)}`}{' '}
            <Link to={`/campaigns/${picked.campaign.id}`}>{s.openCampaign}</Link>
          </p>
        )}
        <Form.Item name="kind" label={s.deadlineKind} initialValue="SUBMISSION">
          <Select
            options={(['SUBMISSION', 'REVISION', 'REVIEW'] as const).map((k) => ({ value: k, label: s.kind[k] }))}
          />
        </Form.Item>
        <Form.Item
          name="until"
          label={s.newDeadline}
          extra={s.newDeadlineHelp(time)}
          rules={[{ required: true, message: s.untilRequired }]}
        >
          <DatePicker
            format="DD/MM/YYYY"
            locale={pickerLocale}
            placeholder={s.datePlaceholder}
            disabledDate={(d) => !canGrantOn(d.format('YYYY-MM-DD'), todayDay, todayDay, calendar)}
            className="requests-date"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={s.changeReason}
          rules={[{ required: true, whitespace: true, min: 3, message: s.changeReasonRequired }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Button type="primary" onClick={() => void save()} loading={change.isPending}>
          {s.change}
        </Button>
      </Form>
      {(change.error ?? error) && (
        <Alert type="error" role="alert" showIcon title={(change.error ?? error)!.message} className="requests-error" />
      )}
    </Card>
  );
}
