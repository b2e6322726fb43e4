import { DownloadOutlined, FundProjectionScreenOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Skeleton,
  Table,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMe } from '../auth/queries';
import { formatDateTime, formatLocalDay, formatTime } from '../common/format';
import { PageError } from '../common/PageError';
import { common } from '../common/strings';
import { invitationText } from './meeting-logic';
import { MeetingStatusTag, OutcomeTag } from './MeetingStatusTag';
import {
  type Attendee,
  cancelReasonOf,
  type Meeting,
  type RescheduleInput,
  type Slot,
  minutesUrl,
  useCancelMeeting,
  useAgenda,
  useMeeting,
  useMeetings,
  useMoveSlot,
  useReschedule,
  useToDesk,
} from './queries';
import { SlotList } from './SlotList';
import { meetingStrings as s } from './strings';
import './meetings.css';

/** One meeting, for the office: its schedule, the running order, who is invited and how, and the minutes. */
export default function MeetingPage() {
  const id = useParams().id ?? '';
  const me = useMe();
  // A school's people come here from their invitation: they read the running order, not the office's record.
  const school = me.data?.role === 'PRINCIPAL' || me.data?.role === 'SCHOOL_STAFF';
  const meeting = useMeeting(id, !!me.data && !school);
  const m = meeting.data;

  useEffect(() => {
    if (m) document.title = `${m.title} - ${common.appName}`;
  }, [m]);

  if (school) return <SchoolAgenda id={id} schoolName={me.data?.schoolName ?? null} />;
  if (meeting.isPending) return <Skeleton active />;
  if (meeting.isError) return <PageError error={meeting.error} onRetry={() => void meeting.refetch()} />;
  if (!m) return null;
  const admin = me.data?.role === 'ADMIN';
  const open = m.status === 'SCHEDULED';
  return (
    <div className="meeting-page">
      <Link to={`/meetings?campaign=${m.campaign.id}`} className="meeting-back">
        ← {s.backToList}
      </Link>
      <Typography.Title level={1} className="page-title">
        {m.title}
      </Typography.Title>
      <Card title={<h2 className="card-title">{s.details}</h2>} size="small" className="meetings-card">
        {m.cancelledAt && (
          <Alert
            type="warning"
            showIcon
            title={s.cancelledBecause(formatDateTime(m.cancelledAt), cancelReasonOf(m))}
            className="meeting-cancelled"
          />
        )}
        <MeetingFacts m={m} perSchool={m.slotMinutes} />
        <div className="meeting-actions">
          {open && (
            <Link
              to={`/meetings/${m.id}/room`}
              className="ant-btn ant-btn-primary ant-btn-color-primary ant-btn-variant-solid meeting-room-link"
            >
              <FundProjectionScreenOutlined aria-hidden /> {s.openRoom}
            </Link>
          )}
          {admin && open && <RescheduleButton meeting={m} />}
          {admin && open && <CancelButton meeting={m} />}
        </div>
      </Card>
      <Card title={<h2 className="card-title">{s.order}</h2>} size="small" className="meetings-card">
        <SlotList
          meetingId={m.id}
          slots={m.slots}
          editable={admin && open}
          actions={admin && open ? (slot) => !slot.outcome && <SlotMoves meeting={m} slot={slot} /> : undefined}
        />
      </Card>
      <MinutesCard meeting={m} />
      <InviteesCard meeting={m} />
    </div>
  );
}

function RescheduleButton({ meeting: m }: { meeting: Meeting }) {
  const [open, setOpen] = useState(false);
  const reschedule = useReschedule(m.id);
  const { message } = App.useApp();
  const [form] = Form.useForm<RescheduleInput>();
  const err = reschedule.error;
  const save = (v: RescheduleInput) => {
    const changed: RescheduleInput = {};
    if (v.date && v.date !== m.date) changed.date = v.date;
    if (v.startTime && v.startTime !== m.startTime) changed.startTime = v.startTime;
    if (v.slotMinutes && v.slotMinutes !== m.slotMinutes) changed.slotMinutes = v.slotMinutes;
    if (v.venue?.trim() && v.venue.trim() !== m.venue) changed.venue = v.venue.trim();
    if (v.reason?.trim()) changed.reason = v.reason.trim();
    reschedule.mutate(changed, {
      onSuccess: () => {
        setOpen(false);
        void message.success(s.rescheduled);
      },
    });
  };
  return (
    <>
      <Button onClick={() => setOpen(true)}>{s.reschedule}</Button>
      <Modal
        open={open}
        title={s.rescheduleTitle}
        onCancel={() => setOpen(false)}
        okText={s.rescheduleSave}
        cancelText={s.close}
        onOk={() => form.submit()}
        confirmLoading={reschedule.isPending}
        destroyOnHidden
      >
        <Form<RescheduleInput>
          form={form}
          layout="vertical"
          onFinish={save}
          initialValues={{ date: m.date, startTime: m.startTime, slotMinutes: m.slotMinutes, venue: m.venue }}
        >
          <Form.Item name="date" label={s.date}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="startTime" label={s.startTime}>
            <Input type="time" />
          </Form.Item>
          <Form.Item name="slotMinutes" label={s.slotMinutes}>
            <InputNumber min={5} max={240} step={5} className="full-width" />
          </Form.Item>
          <Form.Item name="venue" label={s.venue}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="reason" label={s.rescheduleReason}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          {err && <Alert type="error" showIcon role="alert" title={err.message} />}
        </Form>
      </Modal>
    </>
  );
}

/** A reason asked for in a dialog, then one call: cancelling the meeting, or sending a school back to desk review. */
function ReasonDialog(props: {
  open: boolean;
  title: string;
  label: string;
  okText: string;
  pending: boolean;
  error: { message: string } | null;
  onClose: () => void;
  onSubmit: (reason: string) => void;
}) {
  const [reason, setReason] = useState('');
  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={props.onClose}
      okText={props.okText}
      cancelText={s.close}
      okButtonProps={{ danger: true, disabled: reason.trim().length < 3 }}
      onOk={() => props.onSubmit(reason.trim())}
      confirmLoading={props.pending}
      destroyOnHidden
    >
      <label className="field-label" htmlFor="reason-dialog">
        {props.label}
      </label>
      <Input.TextArea
        id="reason-dialog"
        rows={3}
        maxLength={2000}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      {props.error && <Alert type="error" showIcon role="alert" title={props.error.message} className="dialog-error" />}
    </Modal>
  );
}

function CancelButton({ meeting: m }: { meeting: Meeting }) {
  const [open, setOpen] = useState(false);
  const cancel = useCancelMeeting(m.id);
  const { message } = App.useApp();
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        {s.cancel}
      </Button>
      <ReasonDialog
        open={open}
        title={s.cancelTitle}
        label={s.cancelReason}
        okText={s.cancelConfirm}
        pending={cancel.isPending}
        error={cancel.error}
        onClose={() => setOpen(false)}
        onSubmit={(reason) =>
          cancel.mutate(reason, {
            onSuccess: () => {
              setOpen(false);
              void message.success(s.cancelled);
            },
          })
        }
      />
    </>
  );
}

/** Moving one school to another meeting of the campaign, or back to desk review. */
function SlotMoves({ meeting: m, slot }: { meeting: Meeting; slot: Slot }) {
  const others = (useMeetings(m.campaign.id).data ?? []).filter((x) => x.id !== m.id && x.status === 'SCHEDULED');
  const move = useMoveSlot(m.id);
  const desk = useToDesk(m.id);
  const [target, setTarget] = useState<string>();
  const [asking, setAsking] = useState(false);
  const { message } = App.useApp();
  const name = slot.school.name;
  const selectId = `move-${slot.id}`;
  return (
    <div className="slot-moves">
      {others.length > 0 && (
        <>
          <label htmlFor={selectId} className="sr-only">
            {s.moveToFor(name)}
          </label>
          <Select
            id={selectId}
            placeholder={s.moveTo}
            value={target}
            onChange={setTarget}
            options={others.map((x) => ({ value: x.id, label: `${x.title} (${formatLocalDay(x.date)})` }))}
            className="slot-move-select"
            popupMatchSelectWidth={false}
          />
          <Button
            disabled={!target}
            loading={move.isPending}
            onClick={() =>
              target &&
              move.mutate(
                { slotId: slot.id, meetingId: target, planId: slot.plan.id },
                { onSuccess: () => void message.success(s.moved(name)) },
              )
            }
          >
            {s.move}
          </Button>
        </>
      )}
      <Button onClick={() => setAsking(true)}>{s.toDesk}</Button>
      {move.error && <Alert type="error" showIcon role="alert" title={move.error.message} className="slot-error" />}
      <ReasonDialog
        open={asking}
        title={s.toDeskTitle(name)}
        label={s.toDeskReason}
        okText={s.toDeskConfirm}
        pending={desk.isPending}
        error={desk.error}
        onClose={() => setAsking(false)}
        onSubmit={(reason) =>
          desk.mutate(
            { slotId: slot.id, reason, planId: slot.plan.id },
            {
              onSuccess: () => {
                setAsking(false);
                void message.success(s.toDeskDone(name));
              },
            },
          )
        }
      />
    </div>
  );
}

function MinutesCard({ meeting: m }: { meeting: Meeting }) {
  const decided = m.slots.filter((x) => x.outcome);
  return (
    <Card title={<h2 className="card-title">{s.minutes}</h2>} size="small" className="meetings-card">
      <p>{s.minutesHolds(decided.length, m.slots.length)}</p>
      {decided.length > 0 && (
        <ul className="minutes-list">
          {decided.map((x) => (
            <li key={x.id}>
              <span className="minutes-school">{x.school.name}</span> <OutcomeTag outcome={x.outcome} />
              {x.comment && <span className="minutes-comment">{x.comment}</span>}
            </li>
          ))}
        </ul>
      )}
      <Button icon={<DownloadOutlined />} href={minutesUrl(m.id)}>
        {s.downloadMinutes}
      </Button>
    </Card>
  );
}

function InviteesCard({ meeting: m }: { meeting: Meeting }) {
  const schoolName = (a: Attendee) =>
    a.schoolCode
      ? (m.slots.find((x) => x.school.code === a.schoolCode)?.school.name ?? a.schoolCode)
      : a.invited
        ? s.office
        : '';
  const presence = (a: Attendee) => (a.present === null ? s.notTaken : a.present ? s.present : s.absent);
  return (
    <Card title={<h2 className="card-title">{s.invitees}</h2>} size="small" className="meetings-card">
      <Table<Attendee>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={m.attendees}
        scroll={{ x: 820 }}
        columns={[
          { title: s.fullName, dataIndex: 'fullName' },
          { title: s.title, dataIndex: 'title' },
          { title: s.school, key: 'school', render: (_, a) => schoolName(a) },
          {
            title: s.invitation,
            key: 'invitation',
            render: (_, a) => (a.invited ? invitationText(a.invitation) : s.guest),
          },
          { title: s.attended, key: 'present', render: (_, a) => presence(a) },
        ]}
      />
    </Card>
  );
}

/** What a school sees of its meeting: when and where, and the running order with its own turn marked. */
function SchoolAgenda({ id, schoolName }: { id: string; schoolName: string | null }) {
  const agenda = useAgenda(id, false);
  const a = agenda.data;
  useEffect(() => {
    if (a) document.title = `${a.title} - ${common.appName}`;
  }, [a]);
  if (agenda.isPending) return <Skeleton active />;
  if (agenda.isError || !a) return <PageError error={agenda.error} onRetry={() => void agenda.refetch()} />;
  return (
    <div className="meeting-page">
      <Typography.Title level={1} className="page-title">
        {a.title}
      </Typography.Title>
      <Card size="small" className="meetings-card">
        <MeetingFacts m={a} />
      </Card>
      <Card title={<h2 className="card-title">{s.order}</h2>} size="small" className="meetings-card">
        <p className="meetings-intro">{s.schoolIntro}</p>
        <ol className="school-agenda">
          {a.slots.map((x) => (
            <li key={x.id} className={x.school.name === schoolName ? 'school-agenda-mine' : undefined}>
              <span className="school-agenda-time">
                {formatTime(x.startsAt)} - {formatTime(x.endsAt)}
              </span>{' '}
              {x.school.name}
              {x.school.name === schoolName && <strong> ({s.yourSlot})</strong>}
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}

interface Facts {
  campaign: { documentNumber: string };
  date: string;
  startsAt: string;
  endsAt: string;
  venue: string;
  status: string;
}

/** When and where, as the invitation says it. */
function MeetingFacts({ m, perSchool }: { m: Facts; perSchool?: number }) {
  const time = `${formatTime(m.startsAt)} - ${formatTime(m.endsAt)}`;
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, md: 3 }}
      items={[
        { key: 'campaign', label: s.campaign, children: m.campaign.documentNumber },
        { key: 'date', label: s.date, children: formatLocalDay(m.date) },
        { key: 'time', label: s.time, children: perSchool ? `${time} (${s.perSchool(perSchool)})` : time },
        { key: 'venue', label: s.venue, children: m.venue },
        { key: 'status', label: s.status, children: <MeetingStatusTag status={m.status} /> },
      ]}
    />
  );
}
