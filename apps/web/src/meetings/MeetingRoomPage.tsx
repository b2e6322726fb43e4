import { Alert, App, Button, Checkbox, Empty, Input, Radio, Select, Skeleton, Table } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { IndicatorValue } from '@shared/plan-content/content';
import { useMe } from '../auth/queries';
import { useComments } from '../comments/queries';
import { formatDateTime, formatLocalDay, formatTime } from '../common/format';
import { PageError } from '../common/PageError';
import { common } from '../common/strings';
import { textsOf } from '../plans/indicators/indicator-rows';
import { usePlanForm } from '../plans/queries';
import { presentingSlotId, revisionDeadlineOf, serverClock } from './meeting-logic';
import { OutcomeTag, PlanStatusTag } from './MeetingStatusTag';
import {
  type Agenda,
  type Attendee,
  cancelReasonOf,
  type Meeting,
  type Slot,
  useAgenda,
  useAttendance,
  useMeeting,
  useOutcome,
  usePlanVersion,
} from './queries';
import { meetingStrings as s } from './strings';
import './meetings.css';

/**
 * The meeting room, shown on the projector: the whole screen (over the app's header), large type, high contrast. The
 * agenda with who presents now and next by the server's clock, the presenting school's plan (indicators and the
 * reviewers' open comments) and the meeting's conclusion on it, and attendance taken at the door.
 */
export default function MeetingRoomPage() {
  const id = useParams().id ?? '';
  const me = useMe();
  const meeting = useMeeting(id);
  const agenda = useAgenda(id);
  const [chosen, setChosen] = useState<string | null>(null);
  const m = meeting.data;

  useEffect(() => {
    if (m) document.title = `${m.title} - ${common.appName}`;
  }, [m]);
  useShellHidden();

  if (meeting.isPending)
    return (
      <div className="meeting-room">
        <Skeleton active />
      </div>
    );
  if (meeting.isError || !m) {
    return (
      <div className="meeting-room">
        <PageError error={meeting.error} onRetry={() => void meeting.refetch()} />
      </div>
    );
  }
  const role = me.data?.role;
  const presenting = m.slots.find((x) => x.id === presentingSlotId(m.slots, chosen, agenda.data?.current?.id ?? null));
  return (
    <div className="meeting-room">
      <header className="room-header">
        <div>
          <h1 className="room-title">{m.title}</h1>
          <p className="room-where">
            {formatLocalDay(m.date)} · {formatTime(m.startsAt)} - {formatTime(m.endsAt)} · {m.venue}
          </p>
        </div>
        <div className="room-header-side">
          {agenda.data && <RoomClock agenda={agenda.data} readAt={agenda.dataUpdatedAt} />}
          <Link to={`/meetings/${m.id}`} className="room-exit">
            {s.roomExit}
          </Link>
        </div>
      </header>
      {m.status === 'CANCELLED' && (
        <Alert
          type="warning"
          showIcon
          title={s.cancelledBecause(formatDateTime(m.cancelledAt ?? m.startsAt), cancelReasonOf(m))}
        />
      )}
      <div className="room-grid">
        <div className="room-side">
          <AgendaPanel meeting={m} agenda={agenda.data} selected={presenting?.id ?? null} onSelect={setChosen} />
          <AttendancePanel meeting={m} editable={role === 'ADMIN' && m.status === 'SCHEDULED'} />
        </div>
        <div className="room-main">
          {presenting ? (
            <PresentingPanel
              key={presenting.id}
              meeting={m}
              slot={presenting}
              canDecide={(role === 'ADMIN' || role === 'REVIEWER') && m.status === 'SCHEDULED'}
            />
          ) : (
            <Empty description={s.pickSchool} />
          )}
        </div>
      </div>
    </div>
  );
}

/** The server's time, ticking between reads (the office's clock decides who presents, not the projector's). */
function RoomClock({ agenda, readAt }: { agenda: Agenda; readAt: number }) {
  const [tick, setTick] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setTick(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  const now = serverClock(agenda.now, readAt, Math.max(tick, readAt));
  return (
    <div className="room-clock">
      <span className="room-clock-label">{s.clock}</span>
      <time dateTime={now.toISOString()} className="room-clock-time">
        {formatTime(now)}
      </time>
      <span className="room-phase">{s.phase[agenda.phase] ?? agenda.phase}</span>
    </div>
  );
}

function AgendaPanel(props: {
  meeting: Meeting;
  agenda?: Agenda;
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const { meeting: m, agenda, selected, onSelect } = props;
  return (
    <section className="room-panel" aria-labelledby="room-agenda">
      <h2 id="room-agenda" className="room-h2">
        {s.agenda}
      </h2>
      <ol className="room-agenda">
        {m.slots.map((slot) => {
          const now = agenda?.current?.id === slot.id;
          const next = agenda?.next?.id === slot.id;
          const cls = ['room-slot', now && 'room-slot-now', selected === slot.id && 'room-slot-selected'];
          return (
            <li key={slot.id} className={cls.filter(Boolean).join(' ')}>
              <button
                type="button"
                className="room-slot-button"
                aria-pressed={selected === slot.id}
                onClick={() => onSelect(slot.id)}
              >
                <span className="room-slot-time">
                  {formatTime(slot.startsAt)} - {formatTime(slot.endsAt)}
                </span>
                <span className="room-slot-name">
                  {slot.position}. {slot.school.name}
                </span>
                <span className="room-slot-tags">
                  {now && <span className="room-badge room-badge-now">{s.now}</span>}
                  {next && <span className="room-badge room-badge-next">{s.next}</span>}
                  {slot.outcome && <OutcomeTag outcome={slot.outcome} />}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function PresentingPanel({ meeting, slot, canDecide }: { meeting: Meeting; slot: Slot; canDecide: boolean }) {
  const versionNo = slot.plan.currentVersionNo;
  return (
    <section className="room-panel room-presenting" aria-labelledby="room-presenting">
      <h2 id="room-presenting" className="room-h2">
        {s.presenting}: {slot.school.name}
      </h2>
      <p className="room-plan-line">
        <PlanStatusTag status={slot.plan.status} /> {versionNo > 0 ? s.version(versionNo) : s.noVersion}{' '}
        <Link to={`/plans/${slot.plan.id}`}>{s.open}</Link>
      </p>
      {versionNo > 0 && <IndicatorsView planId={slot.plan.id} versionNo={versionNo} />}
      {versionNo > 0 && <OpenComments planId={slot.plan.id} versionNo={versionNo} />}
      {slot.outcome ? (
        <div className="room-decided" role="status">
          <OutcomeTag outcome={slot.outcome} />
          {slot.comment && <p className="room-decided-comment">{slot.comment}</p>}
          {slot.decidedAt && <p>{s.decidedAt(formatDateTime(slot.decidedAt))}</p>}
        </div>
      ) : (
        canDecide && versionNo > 0 && <OutcomeForm meetingId={meeting.id} slot={slot} />
      )}
    </section>
  );
}

interface IndicatorRow {
  code: string;
  label: string;
  unit: string;
  baseline: string;
  target: string;
}

function IndicatorsView({ planId, versionNo }: { planId: string; versionNo: number }) {
  const form = usePlanForm(planId);
  const version = usePlanVersion(planId, versionNo);
  if (form.isPending || version.isPending) return <Skeleton active />;
  if (form.isError || version.isError) return <PageError error={form.error ?? version.error} />;
  const values = (version.data.indicators ?? {}) as Record<string, IndicatorValue>;
  const rows: IndicatorRow[] = form.data.indicators
    .filter((i) => values[i.code])
    .map((i) => ({ code: i.code, label: i.label, unit: i.unit, ...textsOf(values[i.code]) }));
  return (
    <>
      <h3 className="room-h3">{s.indicators}</h3>
      {rows.length === 0 ? (
        <p>{s.noIndicators}</p>
      ) : (
        <Table<IndicatorRow>
          className="room-indicators"
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={rows}
          scroll={{ x: 560 }}
          columns={[
            { title: s.indicator, dataIndex: 'label' },
            { title: s.unit, dataIndex: 'unit' },
            { title: s.baseline, dataIndex: 'baseline', align: 'right' },
            { title: s.target, dataIndex: 'target', align: 'right' },
          ]}
        />
      )}
    </>
  );
}

function OpenComments({ planId, versionNo }: { planId: string; versionNo: number }) {
  const comments = useComments(planId, versionNo);
  if (comments.isPending) return <Skeleton active />;
  if (comments.isError) return <PageError error={comments.error} />;
  const open = comments.data.threads.filter((t) => t.open);
  return (
    <>
      <h3 className="room-h3">{s.openComments}</h3>
      {open.length === 0 ? (
        <p>{s.noOpenComments}</p>
      ) : (
        <ul className="room-comments">
          {open.map((t) => (
            <li key={t.id}>
              <span className="room-comment-anchor">{t.anchorTitle}</span>
              <p className="room-comment-body">{t.root.body}</p>
              <span className="room-comment-author">
                {t.root.author.title} {t.root.author.fullName}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The conclusion in one step, through the same workflow as a desk decision. */
function OutcomeForm({ meetingId, slot }: { meetingId: string; slot: Slot }) {
  const outcome = useOutcome(meetingId);
  const { message } = App.useApp();
  const [choice, setChoice] = useState<'APPROVED' | 'RETURNED'>('APPROVED');
  const [comment, setComment] = useState('');
  const [deadline, setDeadline] = useState('');
  const err = outcome.error;
  const returning = choice === 'RETURNED';
  const record = () =>
    outcome.mutate(
      {
        slotId: slot.id,
        planId: slot.plan.id,
        body: {
          outcome: choice,
          ...(comment.trim() ? { comment: comment.trim() } : {}),
          ...(returning && deadline ? { revisionDeadline: revisionDeadlineOf(deadline) } : {}),
        },
      },
      { onSuccess: () => void message.success(s.recorded(slot.school.name, s.outcome[choice])) },
    );
  return (
    <form
      className="room-outcome"
      aria-labelledby="room-decide"
      onSubmit={(e) => {
        e.preventDefault();
        record();
      }}
    >
      <h3 id="room-decide" className="room-h3">
        {s.decide}
      </h3>
      <Radio.Group
        aria-label={s.outcomeChoice}
        value={choice}
        onChange={(e) => setChoice(e.target.value as 'APPROVED' | 'RETURNED')}
        optionType="button"
        buttonStyle="solid"
        size="large"
        options={[
          { value: 'APPROVED', label: s.approve },
          { value: 'RETURNED', label: s.returnPlan },
        ]}
      />
      <label className="field-label" htmlFor="room-comment">
        {returning ? s.comment : s.commentOptional}
      </label>
      <Input.TextArea
        id="room-comment"
        rows={3}
        value={comment}
        maxLength={10_000}
        onChange={(e) => setComment(e.target.value)}
        status={err?.fieldMessage('comment') ? 'error' : undefined}
      />
      {err?.fieldMessage('comment') && <div className="field-error">{err.fieldMessage('comment')}</div>}
      {returning && (
        <>
          <label className="field-label" htmlFor="room-deadline">
            {s.revisionDeadline}
          </label>
          <Input
            id="room-deadline"
            type="date"
            value={deadline}
            onChange={(e) => setDeadline(e.target.value)}
            aria-describedby="room-deadline-help"
          />
          <div id="room-deadline-help" className="field-help">
            {s.revisionDeadlineHelp}
          </div>
        </>
      )}
      {err && !err.fieldMessage('comment') && (
        <Alert type="error" showIcon role="alert" title={err.message} className="dialog-error" />
      )}
      <Button type="primary" size="large" htmlType="submit" loading={outcome.isPending} className="room-record">
        {s.record}
      </Button>
    </form>
  );
}

interface Guest {
  fullName: string;
  title: string;
  schoolCode?: string;
}

/** Attendance at the door: invitees ticked present (the rest absent), guests without an account added by name. */
function AttendancePanel({ meeting: m, editable }: { meeting: Meeting; editable: boolean }) {
  const invited = m.attendees.filter((a) => a.invited && !a.withdrawn);
  const save = useAttendance(m.id);
  const { message } = App.useApp();
  const [present, setPresent] = useState<Set<string>>(() => new Set(invited.filter((a) => a.present).map((a) => a.id)));
  const [guests, setGuests] = useState<Guest[]>(() =>
    m.attendees
      .filter((a) => !a.invited)
      .map((a) => ({ fullName: a.fullName, title: a.title, schoolCode: a.schoolCode ?? undefined })),
  );
  const [draft, setDraft] = useState<Guest>({ fullName: '', title: '' });
  const [draftError, setDraftError] = useState(false);
  const groups = groupBySchool(m, invited);
  const addGuest = () => {
    if (draft.fullName.trim().length < 2 || draft.title.trim().length < 2) return setDraftError(true);
    setDraftError(false);
    setGuests([
      ...guests,
      { fullName: draft.fullName.trim(), title: draft.title.trim(), schoolCode: draft.schoolCode },
    ]);
    setDraft({ fullName: '', title: '' });
  };
  const toggle = (id: string, on: boolean) => {
    const next = new Set(present);
    if (on) next.add(id);
    else next.delete(id);
    setPresent(next);
  };
  return (
    <section className="room-panel" aria-labelledby="room-attendance">
      <h2 id="room-attendance" className="room-h2">
        {s.attendance}
      </h2>
      <p>
        {s.presentCount(present.size + guests.length, invited.length + guests.length)}
        {editable && ` · ${s.attendanceHelp}`}
      </p>
      {groups.map(([group, people]) => (
        <fieldset key={group} className="room-group">
          <legend>{group}</legend>
          {people.map((a) => (
            <Checkbox
              key={a.id}
              checked={present.has(a.id)}
              disabled={!editable}
              onChange={(e) => toggle(a.id, e.target.checked)}
              className="room-person"
            >
              {a.fullName} <span className="room-person-title">({a.title})</span>
            </Checkbox>
          ))}
        </fieldset>
      ))}
      <h3 className="room-h3">{s.guests}</h3>
      {guests.length > 0 && (
        <ul className="room-guests">
          {guests.map((g, i) => (
            <li key={`${g.fullName}-${i}`}>
              {g.fullName} ({g.title}
              {g.schoolCode
                ? `, ${m.slots.find((x) => x.school.code === g.schoolCode)?.school.name ?? g.schoolCode}`
                : ''}
              )
              {editable && (
                <Button type="link" onClick={() => setGuests(guests.filter((_, j) => j !== i))}>
                  {s.removeGuest(g.fullName)}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <div className="room-guest-form">
          <label className="field-label" htmlFor="guest-name">
            {s.guestName}
          </label>
          <Input
            id="guest-name"
            value={draft.fullName}
            onChange={(e) => setDraft({ ...draft, fullName: e.target.value })}
            maxLength={200}
          />
          <label className="field-label" htmlFor="guest-title">
            {s.guestTitle}
          </label>
          <Input
            id="guest-title"
            value={draft.title}
            onChange={(e) => setDraft({ ...draft, title: e.target.value })}
            maxLength={200}
          />
          <label className="field-label" htmlFor="guest-school">
            {s.guestSchool}
          </label>
          <Select
            id="guest-school"
            value={draft.schoolCode ?? ''}
            onChange={(v: string) => setDraft({ ...draft, schoolCode: v || undefined })}
            options={[
              { value: '', label: s.noSchool },
              ...m.slots.map((x) => ({ value: x.school.code, label: x.school.name })),
            ]}
            className="full-width"
          />
          {draftError && (
            <div className="field-error" role="alert">
              {s.guestNeeded}
            </div>
          )}
          <Button onClick={addGuest} className="room-add-guest">
            {s.addGuest}
          </Button>
        </div>
      )}
      {save.error && <Alert type="error" showIcon role="alert" title={save.error.message} className="dialog-error" />}
      {editable && (
        <Button
          type="primary"
          size="large"
          loading={save.isPending}
          className="room-save-attendance"
          onClick={() =>
            save.mutate({ present: [...present], guests }, { onSuccess: () => void message.success(s.attendanceSaved) })
          }
        >
          {s.saveAttendance}
        </Button>
      )}
    </section>
  );
}

/** The office's people first, then each school in the running order. */
function groupBySchool(m: Meeting, people: Attendee[]): [string, Attendee[]][] {
  const groups: [string, Attendee[]][] = [[s.office, people.filter((a) => !a.schoolCode)]];
  for (const slot of m.slots) groups.push([slot.school.name, people.filter((a) => a.schoolCode === slot.school.code)]);
  return groups.filter(([, list]) => list.length > 0);
}

/**
 * The room covers the app's header and menu: they are taken out of the tab order and from screen readers while it
 * is open (inert), so the keyboard starts on the room itself.
 */
function useShellHidden() {
  useEffect(() => {
    const chrome = [...document.querySelectorAll<HTMLElement>('.shell-header, .shell-nav')];
    for (const el of chrome) el.inert = true;
    return () => {
      for (const el of chrome) el.inert = false;
    };
  }, []);
}
