import { WorkingCalendar, addCalendarDays } from '../calendar/working-calendar';
import {
  DEFAULT_REMINDER_POLICY,
  type ReminderLadder,
  deadlineDistance,
  dueRungs,
  reminderPolicySchema,
} from './policy';

/** Every day from `from` to `to` on which something is due, with the keys due. */
function schedule(deadline: string, ladder: ReminderLadder, calendar: WorkingCalendar, from: string, to: string) {
  const out: Record<string, string[]> = {};
  for (let day = from; day <= to; day = addCalendarDays(day, 1)) {
    const keys = dueRungs(new Date(deadline), ladder, calendar, day).map((r) => r.key);
    if (keys.length) out[day] = keys;
  }
  return out;
}

// The library knows Giao thừa (Fri 5/2/2027) and mùng 1 (Sat 6/2); the district adds the rest of the break.
const tet2027 = new WorkingCalendar([
  { date: '2027-02-04', kind: 'DAY_OFF', name: 'Nghỉ Tết Nguyên Đán' },
  { date: '2027-02-08', kind: 'DAY_OFF', name: 'Nghỉ Tết Nguyên Đán' },
  { date: '2027-02-09', kind: 'DAY_OFF', name: 'Nghỉ Tết Nguyên Đán' },
]);
const libraryOnly = new WorkingCalendar();

describe('reminderPolicySchema', () => {
  it('reads {} as the default policy: the principal 7/3/1 days before and on the day, then escalations', () => {
    const policy = reminderPolicySchema.parse({});
    expect(policy).toEqual(DEFAULT_REMINDER_POLICY);
    expect(policy.SUBMISSION).toEqual({
      rungs: [
        { key: 'before-7', offset: -7, to: ['PRINCIPAL'], cc: [] },
        { key: 'before-3', offset: -3, to: ['PRINCIPAL'], cc: [] },
        { key: 'before-1', offset: -1, to: ['PRINCIPAL'], cc: [] },
        { key: 'due', offset: 0, to: ['PRINCIPAL'], cc: [] },
        { key: 'after-1', offset: 1, to: ['PRINCIPAL'], cc: ['REVIEWER'] },
        { key: 'after-3', offset: 3, to: ['ADMIN'], cc: [] },
      ],
      digest: { startAfter: 3, everyDays: 7, to: ['ADMIN'] },
    });
    expect(policy.REVISION).toEqual(policy.SUBMISSION);
    expect(policy.REVIEW.rungs.map((r) => [r.key, r.to, r.cc])).toEqual([
      ['before-7', ['REVIEWER'], []],
      ['before-3', ['REVIEWER'], []],
      ['before-1', ['REVIEWER'], []],
      ['due', ['REVIEWER'], []],
      ['after-1', ['REVIEWER'], []],
      ['after-3', ['ADMIN'], []],
    ]);
  });

  it('replaces only the kinds a campaign gives, filling cc and digest', () => {
    const policy = reminderPolicySchema.parse({ REVIEW: { rungs: [{ key: 'due', offset: 0, to: ['REVIEWER'] }] } });
    expect(policy.REVIEW).toEqual({ rungs: [{ key: 'due', offset: 0, to: ['REVIEWER'], cc: [] }], digest: null });
    expect(policy.SUBMISSION).toEqual(DEFAULT_REMINDER_POLICY.SUBMISSION);
  });

  it('still reads a policy stored with the former per-campaign hour, dropping it: the hour is a district setting', () => {
    expect(reminderPolicySchema.parse({ hour: '08:15' })).toEqual(DEFAULT_REMINDER_POLICY);
  });

  it('refuses duplicate keys, reserved keys and an unknown role, naming each path', () => {
    const result = reminderPolicySchema.safeParse({
      SUBMISSION: {
        rungs: [
          { key: 'due', offset: 0, to: ['PRINCIPAL'] },
          { key: 'due', offset: 1, to: ['PRINCIPAL'] },
        ],
      },
      REVISION: { rungs: [{ key: 'digest-1', offset: 0, to: ['PRINCIPAL'] }] },
      REVIEW: { rungs: [{ key: 'due', offset: 0, to: ['CLERK'] }] },
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'REVIEW.rungs.0.to.0',
      'REVISION.rungs.0.key',
      'SUBMISSION.rungs',
    ]);
  });
});

describe('dueRungs', () => {
  it('lays the default ladder over Tết 2027: working days skip the whole break', () => {
    expect(
      schedule('2027-02-12T17:00:00+07:00', DEFAULT_REMINDER_POLICY.SUBMISSION, tet2027, '2027-01-15', '2027-03-10'),
    ).toEqual({
      '2027-01-28': ['before-7'], // Feb 2, 1, Jan 29, 28 after Feb 11, 10, 3 (4 to 9 off)
      '2027-02-03': ['before-3'],
      '2027-02-11': ['before-1'],
      '2027-02-12': ['due'],
      '2027-02-15': ['after-1'],
      '2027-02-17': ['after-3'],
      '2027-02-24': ['digest-1'],
      '2027-03-03': ['digest-2'],
      '2027-03-10': ['digest-3'],
    });
  });

  it('without the district table only the library holidays count', () => {
    expect(
      schedule(
        '2027-02-12T17:00:00+07:00',
        DEFAULT_REMINDER_POLICY.SUBMISSION,
        libraryOnly,
        '2027-01-15',
        '2027-02-12',
      ),
    ).toEqual({
      '2027-02-02': ['before-7'],
      '2027-02-09': ['before-3'],
      '2027-02-11': ['before-1'],
      '2027-02-12': ['due'],
    });
  });

  it('keeps the whole ladder when the deadline falls on a day off: "on the day" is the last open day', () => {
    // mùng 1 Tết, a Saturday: the office is last open on Wednesday 3/2 (4 and 5 are off too).
    expect(
      schedule('2027-02-06T17:00:00+07:00', DEFAULT_REMINDER_POLICY.SUBMISSION, tet2027, '2027-01-15', '2027-02-20'),
    ).toEqual({
      '2027-01-25': ['before-7'],
      '2027-01-29': ['before-3'],
      '2027-02-02': ['before-1'],
      '2027-02-03': ['due'],
      '2027-02-10': ['after-1'],
      '2027-02-12': ['after-3'],
      '2027-02-19': ['digest-1'],
    });
  });

  it('moves a digest that falls on a holiday back to the previous working day', () => {
    // after-3 on Fri 9/4; the weekly digests fall on Giỗ tổ Hùng Vương (16/4) and 30/4, both Fridays.
    expect(
      schedule(
        '2027-04-06T17:00:00+07:00',
        DEFAULT_REMINDER_POLICY.SUBMISSION,
        libraryOnly,
        '2027-04-06',
        '2027-05-08',
      ),
    ).toEqual({
      '2027-04-06': ['due'],
      '2027-04-07': ['after-1'],
      '2027-04-09': ['after-3'],
      '2027-04-15': ['digest-1'],
      '2027-04-23': ['digest-2'],
      '2027-04-29': ['digest-3'],
      '2027-05-07': ['digest-4'],
    });
  });

  it('sends a daily digest once on the Friday that carries the weekend', () => {
    const ladder: ReminderLadder = { rungs: [], digest: { startAfter: 1, everyDays: 1, to: ['ADMIN'] } };
    expect(schedule('2027-03-01T17:00:00+07:00', ladder, libraryOnly, '2027-03-01', '2027-03-09')).toEqual({
      '2027-03-03': ['digest-1'],
      '2027-03-04': ['digest-2'],
      '2027-03-05': ['digest-5'], // Fri 5, Sat 6 and Sun 7 all land on Friday: counted once
      '2027-03-08': ['digest-6'],
      '2027-03-09': ['digest-7'],
    });
  });

  it('reads the deadline in Vietnam: 23:30 on the 11th UTC is already the 12th', () => {
    const keys = dueRungs(new Date('2027-02-11T23:30:00Z'), DEFAULT_REMINDER_POLICY.SUBMISSION, tet2027, '2027-02-12');
    expect(keys.map((r) => r.key)).toEqual(['due']);
  });

  it('returns the recipients of each rung', () => {
    const [after1] = dueRungs(
      new Date('2027-02-12T17:00:00+07:00'),
      DEFAULT_REMINDER_POLICY.SUBMISSION,
      tet2027,
      '2027-02-15',
    );
    expect(after1).toEqual({ key: 'after-1', offset: 1, to: ['PRINCIPAL'], cc: ['REVIEWER'], digest: false });
  });
});

describe('deadlineDistance', () => {
  const at = (iso: string) => new Date(iso);

  it('counts working days left, 0 on the day, and working days late, across Tết', () => {
    const deadline = at('2027-02-12T17:00:00+07:00');
    expect(deadlineDistance(deadline, tet2027, '2027-02-03')).toEqual({ workingDays: -3, dueToday: false });
    expect(deadlineDistance(deadline, tet2027, '2027-02-12')).toEqual({ workingDays: 0, dueToday: true });
    expect(deadlineDistance(deadline, tet2027, '2027-02-17')).toEqual({ workingDays: 3, dueToday: false });
  });

  it('treats the last open day before a deadline on a day off as its day, without calling it today', () => {
    const deadline = at('2027-02-06T17:00:00+07:00');
    expect(deadlineDistance(deadline, tet2027, '2027-02-03')).toEqual({ workingDays: 0, dueToday: false });
    expect(deadlineDistance(deadline, tet2027, '2027-02-05')).toEqual({ workingDays: 0, dueToday: false });
    expect(deadlineDistance(deadline, tet2027, '2027-02-06')).toEqual({ workingDays: 0, dueToday: true });
    expect(deadlineDistance(deadline, tet2027, '2027-02-10')).toEqual({ workingDays: 1, dueToday: false });
  });
});
