import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Form, InputNumber, Skeleton, Table } from 'antd';
import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { formatWeekdayDay } from '../../common/format';
import {
  type CampaignFormValues,
  DEFAULT_DIGEST,
  DEFAULT_RUNGS,
  REMINDER_ROLES,
  type RungValue,
  deadlineInstant,
  ladderOf,
} from '../campaign-form';
import { type ReminderPreview, useReminderPreview } from '../queries';
import { chooseOne } from './Steps';
import { campaignStrings as s } from '../strings';

const roleOptions = REMINDER_ROLES.map((r) => ({ value: r, label: s.roles[r] }));

/** The submission ladder, rung by rung, and where each falls for the deadline chosen, from the API's calendar. */
export function ReminderStep({ form }: { form: FormInstance<CampaignFormValues> }) {
  const deadlineDay = Form.useWatch('deadlineDay', form) as Dayjs | undefined;
  const deadlineTime = Form.useWatch('deadlineTime', form) as string | undefined;
  const rungs = Form.useWatch('rungs', form) as RungValue[] | undefined;
  const digestOn = Form.useWatch('digestOn', form) as boolean | undefined;
  const digestStart = Form.useWatch('digestStart', form) as number | undefined;
  const digestEvery = Form.useWatch('digestEvery', form) as number | undefined;

  const ready = deadlineDay?.isValid() && /^\d{2}:\d{2}$/.test(deadlineTime ?? '');
  const body = ready
    ? {
        submissionDeadline: deadlineInstant(deadlineDay!.format('YYYY-MM-DD'), deadlineTime!),
        reminderPolicy: {
          SUBMISSION: ladderOf({
            rungs: rungs ?? [],
            digestOn: !!digestOn,
            digestStart: digestStart ?? DEFAULT_DIGEST.startAfter,
            digestEvery: digestEvery ?? DEFAULT_DIGEST.everyDays,
          }),
        },
      }
    : null;
  const preview = useReminderPreview(body);

  return (
    <>
      <p className="page-intro">{s.remindersIntro}</p>
      <Form.List
        name="rungs"
        rules={[
          {
            validator: async (_, value: RungValue[] = []) => {
              const offsets = value.map((r) => r?.offset);
              if (new Set(offsets).size !== offsets.length) throw new Error(s.uniqueOffsets);
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, i) => (
              <div key={field.key} className="rung-row list-row">
                <Form.Item
                  name={[field.name, 'offset']}
                  label={s.rungOffset(i + 1)}
                  rules={[{ required: true, message: s.required }]}
                >
                  <InputNumber min={-60} max={60} precision={0} className="field-full" />
                </Form.Item>
                <Form.Item name={[field.name, 'to']} label={s.rungTo(i + 1)} rules={[chooseOne]}>
                  <Checkbox.Group options={roleOptions} role="group" aria-label={s.rungTo(i + 1)} />
                </Form.Item>
                <Form.Item name={[field.name, 'cc']} label={s.rungCc(i + 1)}>
                  <Checkbox.Group options={roleOptions} role="group" aria-label={s.rungCc(i + 1)} />
                </Form.Item>
                <Button icon={<DeleteOutlined aria-hidden />} onClick={() => remove(field.name)}>
                  {s.remove}
                </Button>
              </div>
            ))}
            <Form.ErrorList errors={errors} />
            <div className="campaign-actions">
              <Button
                icon={<PlusOutlined aria-hidden />}
                onClick={() => add({ offset: undefined, to: ['PRINCIPAL'], cc: [] })}
              >
                {s.addRung}
              </Button>
              <Button onClick={() => form.setFieldsValue({ rungs: DEFAULT_RUNGS })}>{s.resetRungs}</Button>
            </div>
          </>
        )}
      </Form.List>
      <Form.Item name="digestOn" valuePropName="checked">
        <Checkbox>{s.digest}</Checkbox>
      </Form.Item>
      {digestOn && (
        <div className="form-row">
          <Form.Item name="digestStart" label={s.digestStart} rules={[{ required: true, message: s.required }]}>
            <InputNumber min={0} max={60} precision={0} className="field-full" />
          </Form.Item>
          <Form.Item name="digestEvery" label={s.digestEvery} rules={[{ required: true, message: s.required }]}>
            <InputNumber min={1} max={60} precision={0} className="field-full" />
          </Form.Item>
        </div>
      )}
      <section aria-labelledby="reminder-preview-title" className="reminder-preview">
        <h3 id="reminder-preview-title" className="issue-step-title">
          {s.preview}
        </h3>
        {!body && <p>{s.previewNeedsDeadline}</p>}
        {body && preview.error && <Alert type="error" role="alert" showIcon title={preview.error.message} />}
        {body && !preview.data && !preview.error && <Skeleton active />}
        {body && preview.data && <PreviewTable preview={preview.data} />}
      </section>
    </>
  );
}

interface PreviewRow {
  key: string;
  label: string;
  date: string;
  to: string;
}

function PreviewTable({ preview }: { preview: ReminderPreview }) {
  const names = (roles: string[]) => roles.map((r) => s.roles[r] ?? r).join(', ');
  const rows: PreviewRow[] = [
    ...preview.rungs.map((r) => ({
      key: r.key,
      label: s.rungLabel(r.offset),
      date: r.date,
      to: names(r.to) + (r.cc.length ? ` (+ ${names(r.cc)})` : ''),
    })),
    ...preview.digests.map((d) => ({
      key: `digest-${d.n}`,
      label: s.digestLabel(d.n),
      date: d.date,
      to: s.roles.ADMIN,
    })),
  ];
  return (
    <>
      <p>{s.previewIntro(preview.hour)}</p>
      {preview.deadline.dayOff && (
        <Alert type="warning" showIcon title={s.previewDeadlineOff(preview.deadline.dayOff)} />
      )}
      <div className="table-scroll">
        <Table<PreviewRow>
          className="preview-table"
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: s.colRung, dataIndex: 'label', key: 'label' },
            {
              title: s.colSendOn,
              key: 'date',
              render: (_, r) => <time dateTime={r.date}>{formatWeekdayDay(r.date)}</time>,
            },
            { title: s.colTo, dataIndex: 'to', key: 'to' },
          ]}
        />
      </div>
    </>
  );
}
