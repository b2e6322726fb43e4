import { Alert, App, Button, Card, Empty, Form, Input, InputNumber, Select, Skeleton, Table, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../auth/queries';
import { formatLocalDay, formatTime } from '../common/format';
import { PageError } from '../common/PageError';
import { common } from '../common/strings';
import {
  type MeetingCampaign,
  type MeetingSummary,
  useClusters,
  useMeetingCampaigns,
  useMeetings,
  useSchedule,
} from './queries';
import { meetingStrings as s } from './strings';
import { MeetingStatusTag } from './MeetingStatusTag';
import './meetings.css';

/** The review meetings of a campaign reviewed by cluster, and (for the office's admin) scheduling one more. */
export default function MeetingsPage() {
  const me = useMe();
  const campaigns = useMeetingCampaigns();
  const [params, setParams] = useSearchParams();
  const list = campaigns.data ?? [];
  const campaign = list.find((c) => c.id === params.get('campaign')) ?? list[0];
  const meetings = useMeetings(campaign?.id ?? null);
  const isAdmin = me.data?.role === 'ADMIN';

  useEffect(() => {
    document.title = `${s.listTitle} - ${common.appName}`;
  }, []);

  return (
    <div className="meetings-page">
      <Typography.Title level={1} className="page-title">
        {s.listTitle}
      </Typography.Title>
      {campaigns.isPending && <Skeleton active />}
      {campaigns.isError && <PageError error={campaigns.error} onRetry={() => void campaigns.refetch()} />}
      {campaigns.isSuccess && list.length === 0 && <Empty description={s.noCampaigns} />}
      {campaign && (
        <>
          <div className="meetings-campaign">
            <label htmlFor="meetings-campaign">{s.campaign}</label>
            <Select
              id="meetings-campaign"
              value={campaign.id}
              onChange={(id: string) => setParams({ campaign: id })}
              options={list.map((c) => ({ value: c.id, label: `${c.documentNumber}: ${c.title}` }))}
              className="meetings-campaign-select"
              popupMatchSelectWidth={false}
            />
          </div>
          <Card title={<h2 className="card-title">{s.meetingsOf}</h2>} size="small" className="meetings-card">
            {meetings.isPending && <Skeleton active />}
            {meetings.isError && <PageError error={meetings.error} onRetry={() => void meetings.refetch()} />}
            {meetings.data && <MeetingTable meetings={meetings.data} />}
          </Card>
          {isAdmin && campaign.status === 'ACTIVE' && <ScheduleCard campaign={campaign} />}
        </>
      )}
    </div>
  );
}

function MeetingTable({ meetings }: { meetings: MeetingSummary[] }) {
  if (meetings.length === 0) return <Empty description={s.noMeetings} />;
  return (
    <Table<MeetingSummary>
      rowKey="id"
      size="middle"
      pagination={false}
      dataSource={meetings}
      scroll={{ x: 760 }}
      columns={[
        {
          title: s.cluster,
          key: 'cluster',
          render: (_, m) => <Link to={`/meetings/${m.id}`}>{m.title}</Link>,
        },
        { title: s.date, key: 'date', render: (_, m) => formatLocalDay(m.date) },
        { title: s.time, key: 'time', render: (_, m) => `${formatTime(m.startsAt)} - ${formatTime(m.endsAt)}` },
        { title: s.venue, dataIndex: 'venue' },
        { title: s.schools, dataIndex: 'slotCount', align: 'right' },
        { title: s.status, key: 'status', render: (_, m) => <MeetingStatusTag status={m.status} /> },
      ]}
    />
  );
}

interface ScheduleForm {
  cluster: string;
  date: string;
  startTime: string;
  slotMinutes: number;
  venue: string;
}

function ScheduleCard({ campaign }: { campaign: MeetingCampaign }) {
  const clusters = useClusters(true);
  const schedule = useSchedule(campaign.id);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<ScheduleForm>();
  const err = schedule.error;
  const field = (name: keyof ScheduleForm) =>
    err?.fieldMessage(name) ? { validateStatus: 'error' as const, help: err.fieldMessage(name) } : {};
  const options = (clusters.data?.items ?? [])
    .filter((c) => campaign.targetClusters.length === 0 || campaign.targetClusters.includes(c.code))
    .map((c) => ({ value: c.code, label: c.name }));

  const submit = (v: ScheduleForm) =>
    schedule.mutate(
      { ...v, venue: v.venue.trim() },
      {
        onSuccess: (m) => {
          void message.success(s.scheduled);
          void navigate(`/meetings/${m.id}`);
        },
      },
    );

  return (
    <Card title={<h2 className="card-title">{s.scheduleTitle}</h2>} size="small" className="meetings-card">
      <p className="meetings-intro">{s.scheduleIntro}</p>
      <Form<ScheduleForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ startTime: '07:30', slotMinutes: 30 }}
        className="schedule-form"
        requiredMark={false}
      >
        <Form.Item
          name="cluster"
          label={s.cluster}
          rules={[{ required: true, message: s.pickCluster }]}
          {...field('cluster')}
        >
          <Select options={options} loading={clusters.isPending} placeholder={s.pickCluster} />
        </Form.Item>
        <Form.Item name="date" label={s.date} rules={[{ required: true, message: s.required }]} {...field('date')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item
          name="startTime"
          label={s.startTime}
          rules={[{ required: true, message: s.required }]}
          {...field('startTime')}
        >
          <Input type="time" />
        </Form.Item>
        <Form.Item
          name="slotMinutes"
          label={s.slotMinutes}
          rules={[{ required: true, message: s.required }]}
          {...field('slotMinutes')}
        >
          <InputNumber min={5} max={240} step={5} className="full-width" />
        </Form.Item>
        <Form.Item
          name="venue"
          label={s.venue}
          rules={[{ required: true, message: s.required }]}
          {...field('venue')}
          className="schedule-venue"
        >
          <Input maxLength={300} />
        </Form.Item>
        {err && !err.errors.length && (
          <Alert type="error" showIcon title={err.message} role="alert" className="schedule-error" />
        )}
        <Button type="primary" htmlType="submit" loading={schedule.isPending} className="schedule-submit">
          {s.schedule}
        </Button>
      </Form>
    </Card>
  );
}
