import { parse } from 'csv-parse/sync';
import { WorkingCalendar } from '../calendar/working-calendar';
import { formatVnDate } from '../common/format';
import { deadlineDistance } from '../reminders/policy';
import { BOARD_CSV_COLUMNS, boardCsvStream, toCsvRecord } from './board-csv';
import { BOARD_SORTS, boardFilterSchema, boardQuerySchema } from './board-query';
import { type BoardItem, type BoardRow, daysInState, overdueCounter, toBoardItem, waitingOnOf } from './board-rows';
import { accentInsensitivePattern, boardPageSql, boardSummarySql, foldVietnamese, orderSql } from './board-sql';

const BOARD_CSV_HEADERS = BOARD_CSV_COLUMNS.map((c) => c.header);

// 17:00 on 28/01/2022 in Hà Nội, the sample campaign's deadline.
const DEADLINE = new Date('2022-01-28T10:00:00Z');

const row = (over: Partial<BoardRow> = {}): BoardRow => ({
  plan_id: '11111111-1111-1111-1111-111111111111',
  plan_status: 'RETURNED',
  status_changed_at: new Date('2022-01-20T03:00:00Z'),
  deadline: DEADLINE,
  school_code: 'th-thanh-tan',
  school_name: 'Trường Tiểu học Thanh Tân, Kiến Xương',
  school_level: 'PRIMARY',
  cluster_code: 'I',
  campaign_id: '22222222-2222-2222-2222-222222222222',
  campaign_key: 'nam-2022',
  campaign_title: 'Kế hoạch năm 2022',
  reviewer_id: null,
  reviewer_name: null,
  reminders_sent: 3,
  last_reminder_at: new Date('2022-01-29T01:00:00Z'),
  paper_copies_required: 2,
  paper_copies_received: 1,
  ...over,
});

// Vietnam's public holidays, as the district's calendar has them without any override of its own.
const calendar = new WorkingCalendar();
const daysOverdue = (deadline: Date | null, now: Date) => overdueCounter(calendar, now)(deadline);

describe('day counts', () => {
  it('counts days overdue in working days, as the reminders do: a weekend and Tết do not count', () => {
    // 17:00 on Fri 28/01/2022; Sat, Sun, then Giao thừa (Mon 31/01) and mùng 1 Tết (Tue 01/02) are days off.
    expect(daysOverdue(DEADLINE, new Date('2022-01-28T16:59:00Z'))).toBe(0); // 23:59 on the 28th
    expect(daysOverdue(DEADLINE, new Date('2022-01-30T03:00:00Z'))).toBe(0); // Sunday
    expect(daysOverdue(DEADLINE, new Date('2022-02-02T03:00:00Z'))).toBe(1); // Wed 02/02, 5 calendar days
    expect(daysOverdue(DEADLINE, new Date('2022-02-07T02:00:00Z'))).toBe(4); // Mon 07/02, 10 calendar days
  });

  it('reports no days overdue before the deadline, on its day, or without one', () => {
    expect(daysOverdue(DEADLINE, new Date('2022-01-27T10:00:00Z'))).toBe(0);
    expect(daysOverdue(DEADLINE, new Date('2022-01-28T12:00:00Z'))).toBe(0);
    expect(daysOverdue(null, new Date('2030-01-01T00:00:00Z'))).toBe(0);
    expect(daysOverdue(DEADLINE, new Date('2022-01-31T01:00:00Z'))).toBe(0);
  });

  it('says the same number as the reminder\'s "đã quá hạn N ngày làm việc" on every day after the deadline', () => {
    for (let day = 1; day <= 40; day++) {
      const now = new Date(DEADLINE.getTime() + day * 86_400_000);
      expect(daysOverdue(DEADLINE, now)).toBe(
        deadlineDistance(DEADLINE, calendar, calendar.localDate(now)).workingDays,
      );
    }
  });

  it('counts whole 24-hour days in the current state', () => {
    const since = new Date('2022-01-20T03:00:00Z');
    expect(daysInState(since, new Date('2022-01-21T02:59:59Z'))).toBe(0);
    expect(daysInState(since, new Date('2022-01-22T03:00:00Z'))).toBe(2);
    expect(daysInState(since, new Date('2022-01-19T00:00:00Z'))).toBe(0);
  });

  it('writes dates as dd/mm/yyyy in Vietnam', () => {
    expect(formatVnDate(new Date('2022-01-28T17:30:00Z'))).toBe('29/01/2022');
  });
});

describe('toBoardItem', () => {
  it('maps a returned plan past its revision deadline to a school-side, overdue item', () => {
    const now = new Date('2022-02-02T03:00:00Z');
    expect(toBoardItem(row(), now, overdueCounter(calendar, now))).toEqual({
      planId: '11111111-1111-1111-1111-111111111111',
      school: { code: 'th-thanh-tan', name: 'Trường Tiểu học Thanh Tân, Kiến Xương', level: 'PRIMARY', cluster: 'I' },
      campaign: { id: '22222222-2222-2222-2222-222222222222', key: 'nam-2022', title: 'Kế hoạch năm 2022' },
      status: 'RETURNED',
      statusLabel: 'Trả lại để chỉnh sửa',
      waitingOn: 'SCHOOL',
      waitingOnLabel: 'Chờ nhà trường',
      deadline: DEADLINE,
      overdue: true,
      // Wed 02/02/2022: five calendar days after Fri 28/01, but only one working day (a weekend, then Tết).
      daysOverdue: 1,
      daysInState: 13,
      remindersSent: 3,
      lastReminderAt: new Date('2022-01-29T01:00:00Z'),
      reviewer: null,
      // Returned after a submission: the copies are owed, one is still missing.
      paperCopies: { required: 2, received: 1, missing: 1 },
    });
  });

  it('counts copies missing only once the plan was submitted, and none once they are all in', () => {
    const now = new Date('2022-02-02T03:00:00Z');
    const copies = (over: Partial<BoardRow>) => toBoardItem(row(over), now, () => 0).paperCopies;
    expect(copies({ plan_status: 'DRAFTING', paper_copies_received: 0 })).toEqual({
      required: 2,
      received: 0,
      missing: 0,
    });
    expect(copies({ plan_status: 'SUBMITTED', paper_copies_received: 0 }).missing).toBe(2);
    expect(copies({ plan_status: 'APPROVED', paper_copies_received: 1 }).missing).toBe(1);
    expect(copies({ plan_status: 'APPROVED', paper_copies_received: 3 }).missing).toBe(0);
    expect(copies({ plan_status: 'EXEMPTED', paper_copies_received: 0 }).missing).toBe(0);
  });

  it('shows a submitted plan as waiting on the office, with its reviewer, and a decided one as waiting on nobody', () => {
    const now = new Date('2022-01-27T00:00:00Z');
    const submitted = toBoardItem(
      row({ plan_status: 'SUBMITTED', reviewer_id: 'r1', reviewer_name: 'Nguyễn Anh Hà' }),
      now,
      overdueCounter(calendar, now),
    );
    expect(submitted).toMatchObject({
      waitingOn: 'OFFICE',
      waitingOnLabel: 'Chờ Phòng GD&ĐT',
      overdue: false,
      daysOverdue: 0,
      reviewer: { id: 'r1', fullName: 'Nguyễn Anh Hà' },
    });
    const approved = toBoardItem(row({ plan_status: 'APPROVED', deadline: null }), now, overdueCounter(calendar, now));
    expect(approved).toMatchObject({ waitingOn: null, waitingOnLabel: null, overdue: false, daysOverdue: 0 });
  });

  it('names who every status waits on', () => {
    expect(
      (
        ['NOT_STARTED', 'DRAFTING', 'SUBMITTED', 'UNDER_REVIEW', 'RETURNED', 'APPROVED', 'EXEMPTED', 'CLOSED'] as const
      ).map(waitingOnOf),
    ).toEqual(['SCHOOL', 'SCHOOL', 'OFFICE', 'OFFICE', 'SCHOOL', null, null, null]);
  });
});

describe('school-name search', () => {
  it('folds Vietnamese letters to their base letter', () => {
    expect(foldVietnamese('Trường Mầm non ĐÔNG HÒA')).toBe('truong mam non dong hoa');
    // Decomposed input (as some keyboards send it) folds the same.
    expect(foldVietnamese('Tru\u031bo\u031b\u0300ng')).toBe('truong');
  });

  it('builds a pattern that matches with or without accents, in either case', () => {
    // The pattern uses only classes and escaped literals, which JavaScript and Postgres read alike.
    const find = (q: string, name: string) => new RegExp(accentInsensitivePattern(q)).test(name);
    expect(find('dong hoa', 'Trường Mầm non Đông Hòa')).toBe(true);
    expect(find('ĐÔNG  hòa', 'TRƯỜNG MẦM NON ĐÔNG HÒA')).toBe(true);
    expect(find('dong hai', 'Trường Mầm non Đông Hòa')).toBe(false);
  });

  it('takes regular-expression characters in the search text literally', () => {
    const pattern = accentInsensitivePattern('a.b*(c)\\');
    expect(new RegExp(pattern).test('xa.b*(c)\\y')).toBe(true);
    expect(new RegExp(pattern).test('axbbbc')).toBe(false);
  });
});

describe('board SQL', () => {
  const scope = {
    districtId: 'd1',
    role: 'REVIEWER' as const,
    reviewLevels: ['PRESCHOOL' as const],
    reviewClusterIds: [],
  };
  const now = new Date('2026-11-22T00:00:00Z');

  it('passes every value from the request as a parameter, never as SQL text', () => {
    const hostile = `x'); DROP TABLE "Plan"; --`;
    const filter = boardFilterSchema.parse({ q: hostile, schoolCode: hostile, cluster: `I');--` });
    for (const sql of [
      boardPageSql(scope, { filter, now, limit: 50, offset: 0 }),
      boardSummarySql(scope, { filter, now, countFailedEmails: true }),
    ]) {
      expect(sql.sql).not.toContain('DROP TABLE');
      expect(sql.sql).not.toContain(`I')`);
      expect(sql.values).toEqual(expect.arrayContaining([hostile, [`I');--`], accentInsensitivePattern(hostile)]));
      expect(sql.values).toEqual(expect.arrayContaining([['PRESCHOOL'], []]));
    }
  });

  it('ends every sort with the school code and the plan id, so pages never overlap', () => {
    for (const sort of BOARD_SORTS) {
      expect(orderSql(sort).sql).toMatch(/, school_code ASC, plan_id ASC$/);
    }
    expect(orderSql('-daysOverdue', 'page').sql).toBe(
      'ORDER BY page.deadline ASC NULLS LAST, page.school_code ASC, page.plan_id ASC',
    );
  });
});

describe('query parameters', () => {
  it('reads lists, booleans and defaults', () => {
    expect(boardQuerySchema.parse({ status: 'RETURNED,DRAFTING', level: ['PRIMARY'], overdue: 'true' })).toEqual({
      status: ['RETURNED', 'DRAFTING'],
      level: ['PRIMARY'],
      overdue: true,
      sort: '-daysOverdue',
      page: 1,
      pageSize: 50,
    });
  });

  it('names the bad parameter in Vietnamese', () => {
    const result = boardQuerySchema.safeParse({ status: 'LATE', waitingOn: 'PARENTS', pageSize: '500' });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual([
      ['status.0', expect.stringMatching(/^Trạng thái không hợp lệ/)],
      ['waitingOn', 'waitingOn phải là SCHOOL (chờ nhà trường) hoặc OFFICE (chờ Phòng)'],
      ['pageSize', 'Cỡ trang tối đa 200'],
    ]);
  });
});

describe('CSV', () => {
  const now = new Date('2022-02-02T03:00:00Z');
  const items: BoardItem[] = [
    toBoardItem(row(), now, overdueCounter(calendar, now)),
    toBoardItem(
      row({ school_name: '=HYPERLINK("http://x")', plan_status: 'APPROVED', deadline: null }),
      now,
      overdueCounter(calendar, now),
    ),
  ];
  async function* batches() {
    yield items.slice(0, 1);
    yield items.slice(1);
  }
  const read = async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of boardCsvStream(batches())) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks);
  };

  it('writes a BOM, CRLF line ends and Vietnamese headers, and round-trips a name with a comma', async () => {
    const bytes = await read();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')).toHaveLength(4); // header, two rows, and the empty string after the last CRLF
    expect(text).not.toMatch(/[^\r]\n/);
    const records: string[][] = parse(bytes, { bom: true });
    expect(records[0].slice(0, 3)).toEqual(['Mã trường', 'Tên trường', 'Cấp học']);
    expect(records[1]).toEqual([
      'th-thanh-tan',
      'Trường Tiểu học Thanh Tân, Kiến Xương',
      'Tiểu học',
      'I',
      'Kế hoạch năm 2022',
      'Trả lại để chỉnh sửa',
      'Chờ nhà trường',
      '28/01/2022',
      'Có',
      '1',
      '13',
      '3',
      '29/01/2022',
      '',
      '2',
      '1',
      // copies still missing: the plan was submitted before it was returned
      '1',
    ]);
    expect(records[0].at(-1)).toBe('Số bản giấy còn thiếu');
  });

  it('still writes the BOM and the header when nothing matches', async () => {
    async function* none(): AsyncGenerator<BoardItem[]> {}
    const chunks: Buffer[] = [];
    for await (const chunk of boardCsvStream(none())) chunks.push(Buffer.from(chunk));
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text).toBe(`\uFEFF${BOARD_CSV_HEADERS.join(',')}\r\n`);
  });

  it('keeps a cell that looks like a formula from running in Excel', async () => {
    expect(toCsvRecord(items[1])[1]).toBe(`'=HYPERLINK("http://x")`);
    const records: string[][] = parse(await read(), { bom: true });
    expect(records[2][1]).toBe(`'=HYPERLINK("http://x")`);
  });
});
