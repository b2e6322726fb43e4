import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Popconfirm,
  Radio,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { useMe } from '../auth/queries';
import { formatLocalDay, formatWeekdayDay } from '../common/format';
import { PageError } from '../common/PageError';
import { pickerLocale } from '../common/picker-locale';
import { common } from '../common/strings';
import {
  type CalendarDay,
  useCalendarYear,
  useReminderHour,
  useRemoveDay,
  useSetDay,
  useSetReminderHour,
} from './queries';
import { calendarStrings as s } from './strings';
import './calendar.css';

interface DayForm {
  date: Dayjs;
  kind: 'DAY_OFF' | 'WORKING_DAY';
  name: string;
}

/** The year's days off as the district sees them, corrected in place by the office, and its reminder hour. */
export default function CalendarPage() {
  const me = useMe();
  const admin = me.data?.role === 'ADMIN';
  // The year is in the address: "Tết 2027 as the district has it" can be shared.
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : dayjs().year();
  const days = useCalendarYear(year);
  const [form] = Form.useForm<DayForm>();
  const formRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    document.title = `${s.title} - ${common.appName}`;
  }, []);

  const edit = (d: CalendarDay) => {
    form.setFieldsValue({
      date: dayjs(d.date, 'YYYY-MM-DD'),
      kind: d.source === 'library' ? 'WORKING_DAY' : d.kind,
      name: d.source === 'library' ? '' : d.name,
    });
    formRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    formRef.current?.querySelector('input')?.focus();
  };

  const years = Array.from({ length: 5 }, (_, i) => dayjs().year() - 1 + i);
  return (
    <>
      <Typography.Title level={1} className="page-title">
        {s.title}
      </Typography.Title>
      <p className="page-intro">{s.intro}</p>
      <div className="calendar-layout">
        <Card title={<h2 className="card-title">{s.days}</h2>} size="small">
          <div className="year-pick">
            <label htmlFor="calendar-year">{s.year}</label>
            <Select<number>
              id="calendar-year"
              value={year}
              onChange={(y) => setParams({ year: String(y) }, { replace: true })}
              options={(years.includes(year) ? years : [year, ...years]).map((y) => ({ value: y, label: String(y) }))}
            />
          </div>
          {days.isError ? (
            <PageError error={days.error} onRetry={() => void days.refetch()} />
          ) : (
            <DaysTable days={days.data} loading={days.isPending} admin={admin} onEdit={edit} />
          )}
        </Card>
        {admin && (
          <div ref={formRef}>
            <DayEditor form={form} />
          </div>
        )}
        <ReminderHourCard admin={admin} />
      </div>
    </>
  );
}

function DaysTable(props: {
  days: CalendarDay[] | undefined;
  loading: boolean;
  admin: boolean;
  onEdit: (d: CalendarDay) => void;
}) {
  const { message } = App.useApp();
  const remove = useRemoveDay();
  return (
    <>
      {remove.error && <Alert type="error" role="alert" showIcon title={remove.error.message} />}
      <div className="table-scroll">
        <Table<CalendarDay>
          rowKey="date"
          size="small"
          loading={props.loading}
          dataSource={props.days}
          pagination={false}
          locale={{ emptyText: s.empty }}
          columns={[
            {
              title: s.colDate,
              key: 'date',
              render: (_, d) => <time dateTime={d.date}>{formatWeekdayDay(d.date)}</time>,
            },
            {
              title: s.colKind,
              key: 'kind',
              render: (_, d) => (
                <Tag className={d.kind === 'DAY_OFF' ? 'day-off' : 'day-working'}>{s.kinds[d.kind] ?? d.kind}</Tag>
              ),
            },
            { title: s.colName, dataIndex: 'name', key: 'name' },
            {
              title: s.colSource,
              key: 'source',
              render: (_, d) => (
                <>
                  {s.sources[d.source]}
                  {d.replaces && <span className="muted"> ({s.replaces(d.replaces)})</span>}
                </>
              ),
            },
            ...(props.admin
              ? [
                  {
                    title: s.colActions,
                    key: 'actions',
                    render: (_: unknown, d: CalendarDay) => (
                      <span className="row-actions">
                        <Button
                          size="small"
                          onClick={() => props.onEdit(d)}
                          aria-label={`${d.source === 'district' ? s.edit : s.adjust} ${formatLocalDay(d.date)}`}
                        >
                          {d.source === 'district' ? s.edit : s.adjust}
                        </Button>
                        {d.source === 'district' && (
                          <Popconfirm
                            title={s.removeConfirm(formatLocalDay(d.date))}
                            okText={s.yes}
                            cancelText={s.no}
                            okButtonProps={{ loading: remove.isPending }}
                            onConfirm={() =>
                              remove.mutateAsync(d.date).then(
                                () => void message.success(s.removed),
                                () => undefined,
                              )
                            }
                          >
                            <Button size="small" danger aria-label={`${s.remove} ${formatLocalDay(d.date)}`}>
                              {s.remove}
                            </Button>
                          </Popconfirm>
                        )}
                      </span>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </div>
    </>
  );
}

function DayEditor({ form }: { form: ReturnType<typeof Form.useForm<DayForm>>[0] }) {
  const { message } = App.useApp();
  const setDay = useSetDay();
  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setDay.mutate(
      { date: v.date.format('YYYY-MM-DD'), kind: v.kind, name: v.name.trim() },
      {
        onSuccess: () => {
          void message.success(s.saved);
          form.resetFields();
        },
      },
    );
  };
  return (
    <Card title={<h2 className="card-title">{s.formTitle}</h2>} size="small">
      <p className="muted">{s.formIntro}</p>
      <Form form={form} layout="vertical" name="day" requiredMark={false} initialValues={{ kind: 'DAY_OFF' }}>
        <div className="form-row">
          <Form.Item name="date" label={s.date} rules={[{ required: true, message: s.required }]}>
            <DatePicker format="DD/MM/YYYY" locale={pickerLocale} placeholder={s.pickDate} className="field-full" />
          </Form.Item>
          <Form.Item name="kind" label={<span id="day-kind-label">{s.kind}</span>}>
            <Radio.Group
              role="radiogroup"
              aria-labelledby="day-kind-label"
              options={Object.entries(s.kinds).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
        </div>
        <Form.Item name="name" label={s.name} rules={[{ required: true, whitespace: true, message: s.required }]}>
          <Input maxLength={200} placeholder={s.namePlaceholder} />
        </Form.Item>
        {setDay.error && <Alert type="error" role="alert" showIcon title={setDay.error.message} />}
        <Button type="primary" onClick={() => void save()} loading={setDay.isPending}>
          {s.save}
        </Button>
      </Form>
    </Card>
  );
}

function ReminderHourCard({ admin }: { admin: boolean }) {
  const { message } = App.useApp();
  const hour = useReminderHour();
  const setHour = useSetReminderHour();
  const [form] = Form.useForm<{ hour: string }>();
  useEffect(() => {
    if (hour.data) form.setFieldsValue({ hour: hour.data.hour });
  }, [hour.data, form]);
  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setHour.mutate(v.hour, { onSuccess: () => void message.success(s.hourSaved) });
  };
  return (
    <Card title={<h2 className="card-title">{s.hourTitle}</h2>} size="small">
      {hour.error && <Alert type="error" role="alert" showIcon title={hour.error.message} />}
      {hour.data && <p className="muted">{s.hourIntro(hour.data.timeZone)}</p>}
      <Form form={form} layout="inline" name="reminder-hour" requiredMark={false} className="hour-form">
        <Form.Item
          name="hour"
          label={s.hour}
          rules={[{ required: true, pattern: /^\d{2}:\d{2}$/, message: s.required }]}
        >
          <Input type="time" disabled={!admin} />
        </Form.Item>
        {admin && (
          <Button type="primary" onClick={() => void save()} loading={setHour.isPending}>
            {s.saveHour}
          </Button>
        )}
      </Form>
      {setHour.error && <Alert type="error" role="alert" showIcon title={setHour.error.message} />}
    </Card>
  );
}
