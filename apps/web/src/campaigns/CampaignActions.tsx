import { Alert, App, Button, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { VN_TZ } from '../common/format';
import { pickerLocale } from '../common/picker-locale';
import { deadlineInstant } from './campaign-form';
import {
  type CampaignPlan,
  useAddSchool,
  useCampaignPlans,
  useCloseCampaign,
  useExtendCampaign,
  useOpenSchools,
  useRemoveSchool,
} from './queries';
import { campaignStrings as s } from './strings';

interface CampaignLike {
  id: string;
  submissionDeadline: string;
  targetLevels: string[];
}

const reasonRules = [{ required: true, whitespace: true, min: 3, message: s.reasonRequired }];

/** What the admin does to a running campaign: add a school, extend the deadline for everyone, close it. */
export function CampaignActions({ campaign }: { campaign: CampaignLike }) {
  const [open, setOpen] = useState<'extend' | 'close' | null>(null);
  return (
    <>
      <AddSchool campaign={campaign} />
      <div className="campaign-actions">
        <Button onClick={() => setOpen('extend')}>{s.extend}</Button>
        <Button danger onClick={() => setOpen('close')}>
          {s.close}
        </Button>
      </div>
      {open === 'extend' && <ExtendDialog campaign={campaign} onClose={() => setOpen(null)} />}
      {open === 'close' && <CloseDialog campaignId={campaign.id} onClose={() => setOpen(null)} />}
    </>
  );
}

function AddSchool({ campaign }: { campaign: CampaignLike }) {
  const { message } = App.useApp();
  const schools = useOpenSchools();
  const plans = useCampaignPlans(campaign.id);
  const add = useAddSchool(campaign.id);
  const [code, setCode] = useState<string | undefined>();
  const inCampaign = new Set((plans.data?.items ?? []).map((p) => p.school.code));
  const candidates = (schools.data?.items ?? []).filter(
    (x) => campaign.targetLevels.includes(x.level) && !inCampaign.has(x.code),
  );
  const submit = () => {
    if (!code) return;
    add.mutate(code, {
      onSuccess: () => {
        void message.success(s.added);
        setCode(undefined);
      },
    });
  };
  return (
    <section aria-labelledby="add-school-title" className="add-school-section">
      <h2 id="add-school-title" className="card-title">
        {s.addSchool}
      </h2>
      <div className="add-school">
        <Form layout="vertical" component="div">
          <Form.Item
            label={s.addSchoolPick}
            htmlFor="add-school-code"
            extra={candidates.length ? undefined : s.noSchoolToAdd}
          >
            <Select
              id="add-school-code"
              value={code}
              onChange={setCode}
              showSearch={{ optionFilterProp: 'label' }}
              loading={schools.isPending || plans.isPending}
              options={candidates.map((x) => ({ value: x.code, label: `${x.name} (${x.cluster.name})` }))}
            />
          </Form.Item>
        </Form>
        <Button type="primary" onClick={submit} disabled={!code} loading={add.isPending}>
          {s.addSchoolButton}
        </Button>
      </div>
      {add.error && <Alert type="error" role="alert" showIcon title={add.error.message} />}
    </section>
  );
}

function ExtendDialog({ campaign, onClose }: { campaign: CampaignLike; onClose: () => void }) {
  const { message } = App.useApp();
  const extend = useExtendCampaign(campaign.id);
  const due = dayjs(campaign.submissionDeadline).tz(VN_TZ);
  const [form] = Form.useForm<{ day: Dayjs; time: string; reason: string }>();
  const send = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    extend.mutate(
      { until: deadlineInstant(v.day.format('YYYY-MM-DD'), v.time), reason: v.reason.trim() },
      {
        onSuccess: (answer) => {
          void message.success(s.extended);
          for (const w of answer.warnings) void message.warning(w);
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      open
      title={s.extendTitle}
      okText={s.confirm}
      cancelText={s.cancel}
      onOk={() => void send()}
      onCancel={onClose}
      confirmLoading={extend.isPending}
      destroyOnHidden
    >
      <p>{s.extendText}</p>
      <Form
        form={form}
        layout="vertical"
        name="extend"
        requiredMark={false}
        initialValues={{ time: due.format('HH:mm') }}
      >
        <div className="form-row">
          <Form.Item name="day" label={s.newDeadlineDay} rules={[{ required: true, message: s.required }]}>
            <DatePicker
              format="DD/MM/YYYY"
              locale={pickerLocale}
              placeholder={s.pickDate}
              className="field-full"
              disabledDate={(d) => d.format('YYYY-MM-DD') <= due.format('YYYY-MM-DD')}
              defaultPickerValue={due.add(1, 'day')}
            />
          </Form.Item>
          <Form.Item
            name="time"
            label={s.deadlineTime}
            rules={[{ required: true, pattern: /^\d{2}:\d{2}$/, message: s.required }]}
          >
            <Input type="time" />
          </Form.Item>
        </div>
        <Form.Item name="reason" label={s.reason} rules={reasonRules}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      </Form>
      {extend.error && <Alert type="error" role="alert" showIcon title={extend.error.message} />}
    </Modal>
  );
}

function CloseDialog({ campaignId, onClose }: { campaignId: string; onClose: () => void }) {
  const { message } = App.useApp();
  const close = useCloseCampaign(campaignId);
  const [form] = Form.useForm<{ reason: string }>();
  const send = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    close.mutate(
      { reason: v.reason.trim() },
      {
        onSuccess: () => {
          void message.success(s.closed);
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      open
      title={s.closeTitle}
      okText={s.close}
      okButtonProps={{ danger: true }}
      cancelText={s.cancel}
      onOk={() => void send()}
      onCancel={onClose}
      confirmLoading={close.isPending}
      destroyOnHidden
    >
      <p>{s.closeText}</p>
      <Form form={form} layout="vertical" name="close" requiredMark={false}>
        <Form.Item name="reason" label={s.reason} rules={reasonRules}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      </Form>
      {close.error && <Alert type="error" role="alert" showIcon title={close.error.message} />}
    </Modal>
  );
}

/** "Rút khỏi đợt" on a plan's row: asks for the reason, then closes the school's open plan. */
export function RemoveSchoolButton({ campaignId, plan }: { campaignId: string; plan: CampaignPlan }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const remove = useRemoveSchool(campaignId);
  const [form] = Form.useForm<{ reason: string }>();
  const send = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    remove.mutate(
      { schoolCode: plan.school.code, reason: v.reason.trim() },
      {
        onSuccess: () => {
          void message.success(s.removed);
          setOpen(false);
        },
      },
    );
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} aria-label={`${s.removeSchool}: ${plan.school.name}`}>
        {s.removeSchool}
      </Button>
      {open && (
        <Modal
          open
          title={s.removeTitle(plan.school.name)}
          okText={s.removeSchool}
          okButtonProps={{ danger: true }}
          cancelText={s.cancel}
          onOk={() => void send()}
          onCancel={() => setOpen(false)}
          confirmLoading={remove.isPending}
          destroyOnHidden
        >
          <p>{s.removeText}</p>
          <Form form={form} layout="vertical" name={`remove-${plan.school.code}`} requiredMark={false}>
            <Form.Item name="reason" label={s.reason} rules={reasonRules}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
            </Form.Item>
          </Form>
          {remove.error && <Alert type="error" role="alert" showIcon title={remove.error.message} />}
        </Modal>
      )}
    </>
  );
}
