import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { PlanCounts } from '../campaigns/PlanCounts';
import { VN_TZ, formatDateTime, formatLocalDay } from '../common/format';
import { pickerLocale } from '../common/picker-locale';
import { useDistrictCalendar } from '../extensions/queries';
import { isDayOff } from '../extensions/working-days';
import { type CampaignPhases, useOpenPhase, usePhases } from './queries';
import { phaseStrings as s } from './strings';
import './phases.css';

interface CampaignLike {
  id: string;
  kind: string;
  parentId: string | null;
  status: string;
}

/**
 * A campaign's phases, each with the self-assessment opened for it (a link to that campaign) or, for the office head,
 * "Mở giai đoạn"; on a self-assessment's own page, the campaign it belongs to.
 */
export function PhasesCard({ campaign, canOpen }: { campaign: CampaignLike; canOpen: boolean }) {
  const isPlan = campaign.kind === 'PLAN';
  const phases = usePhases(campaign.id, isPlan);
  if (campaign.kind === 'SELF_ASSESSMENT' && campaign.parentId) {
    return (
      <Alert
        type="info"
        showIcon
        className="copied-note"
        title={
          <span>
            {s.ofCampaign}: <Link to={`/campaigns/${campaign.parentId}`}>{s.openParent}</Link>
          </span>
        }
      />
    );
  }
  if (!isPlan || !phases.data || phases.data.phases.length === 0) return null;
  return (
    <Card title={<h2 className="card-title">{s.phases}</h2>} size="small" className="phases-card">
      <ol className="phase-list">
        {phases.data.phases.map((phase) => (
          <li key={phase.index}>
            <PhaseRow
              phase={phase}
              campaignId={campaign.id}
              approved={phases.data.approvedSchools}
              canOpen={canOpen && campaign.status === 'ACTIVE'}
            />
          </li>
        ))}
      </ol>
    </Card>
  );
}

type Phase = CampaignPhases['phases'][number];
type School = CampaignPhases['approvedSchools'][number];

function PhaseRow({
  phase,
  campaignId,
  approved,
  canOpen,
}: {
  phase: Phase;
  campaignId: string;
  approved: School[];
  canOpen: boolean;
}) {
  const [open, setOpen] = useState(false);
  const dates = phase.from && phase.to ? s.phaseDates(formatLocalDay(phase.from), formatLocalDay(phase.to)) : '';
  return (
    <section aria-label={phase.name} className="phase-row">
      <Typography.Text strong>{phase.name}</Typography.Text> {dates && <span>({dates})</span>}
      {phase.opened ? (
        <div className="phase-opened">
          <Link to={`/campaigns/${phase.opened.campaignId}`}>
            {s.selfAssessment}: {phase.opened.documentNumber}
          </Link>{' '}
          <span>
            {s.selfAssessmentDeadline}: {formatDateTime(phase.opened.submissionDeadline)}
          </span>
          <PlanCounts counts={phase.opened.planCounts} />
        </div>
      ) : (
        <div className="phase-opened">
          <Typography.Text type="secondary">{s.notOpened}</Typography.Text>{' '}
          {canOpen && (
            <Button onClick={() => setOpen(true)} aria-label={s.openPhaseOf(phase.name)}>
              {s.openPhase}
            </Button>
          )}
        </div>
      )}
      {open && (
        <OpenPhaseDialog phase={phase} campaignId={campaignId} approved={approved} onClose={() => setOpen(false)} />
      )}
    </section>
  );
}

interface DialogValues {
  day: Dayjs;
  time: string;
  exceptions: string[];
  reasons: Record<string, string>;
}

function OpenPhaseDialog({
  phase,
  campaignId,
  approved,
  onClose,
}: {
  phase: Phase;
  campaignId: string;
  approved: School[];
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const open = useOpenPhase(campaignId);
  const [form] = Form.useForm<DialogValues>();
  const chosen = (Form.useWatch('exceptions', form) as string[] | undefined) ?? [];
  const today = dayjs().tz(VN_TZ);
  const { calendar } = useDistrictCalendar([today.year(), today.year() + 1]);
  const name = (id: string) => approved.find((x) => x.id === id)?.name ?? id;

  const send = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body = {
      submissionDeadline: `${v.day.format('YYYY-MM-DD')}T${v.time}:00+07:00`,
      exceptions: (v.exceptions ?? []).map((id) => ({ schoolId: id, reason: (v.reasons?.[id] ?? '').trim() })),
    };
    open.mutate(
      { index: phase.index, body },
      {
        onSuccess: () => {
          void message.success(s.opened);
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      title={s.openPhaseOf(phase.name)}
      okText={s.confirm}
      cancelText={s.cancel}
      onOk={() => void send()}
      onCancel={onClose}
      confirmLoading={open.isPending}
      okButtonProps={{ disabled: approved.length === 0 }}
      destroyOnHidden
    >
      <p>{approved.length ? s.dialogText(approved.length) : s.noApproved}</p>
      <Form form={form} layout="vertical" name="open-phase" requiredMark={false} initialValues={{ time: '17:00' }}>
        <div className="form-row">
          <Form.Item name="day" label={s.deadlineDay} rules={[{ required: true, message: s.required }]}>
            <DatePicker
              format="DD/MM/YYYY"
              locale={pickerLocale}
              placeholder={s.pickDate}
              className="field-full"
              disabledDate={(d) => {
                const day = d.format('YYYY-MM-DD');
                return day < today.format('YYYY-MM-DD') || isDayOff(day, calendar);
              }}
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
        <Form.Item name="exceptions" label={s.exceptions} extra={s.exceptionsHelp}>
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={approved.map((x) => ({ value: x.id, label: `${x.name} (${x.code})` }))}
          />
        </Form.Item>
        {chosen.map((id) => (
          <Form.Item
            key={id}
            name={['reasons', id]}
            label={s.reasonFor(name(id))}
            rules={[{ required: true, whitespace: true, min: 3, message: s.reasonRequired }]}
          >
            <Input maxLength={2000} />
          </Form.Item>
        ))}
      </Form>
      {open.error && <Alert type="error" role="alert" showIcon title={open.error.message} />}
    </Modal>
  );
}
