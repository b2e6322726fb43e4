import { MailTemplate, type ReminderItem, renderMail } from './templates';

const item = (over: Partial<ReminderItem> = {}): ReminderItem => ({
  schoolName: 'Trường Tiểu học <Thanh Tân>',
  campaignTitle: 'Kế hoạch năm 2027',
  documentNumber: '12/KH-PGDĐT',
  action: 'SUBMIT',
  deadline: '17:00 12/02/2027',
  workingDays: -3,
  dueToday: false,
  planUrl: 'http://duyet.test/api/plans/p1',
  ...over,
});
const office = 'Phòng Giáo dục và Đào tạo Kiến Xương';

describe('renderMail: reminders', () => {
  it('renders a one-plan reminder with the deadline, the days left and what to do, escaping HTML', () => {
    const mail = renderMail(MailTemplate.REMINDER, {
      recipientName: 'Đinh Anh Nam',
      officeName: office,
      day: '09/02/2027',
      items: [item()],
      listUrl: 'http://duyet.test/api/plans',
    });
    expect(mail.subject).toBe('[Duyệt] Nhắc hạn nộp kế hoạch: Trường Tiểu học <Thanh Tân> - còn 3 ngày làm việc');
    expect(mail.text).toContain('Kính gửi Đinh Anh Nam,');
    expect(mail.text).toContain('- Việc cần làm: Hoàn thiện và nộp kế hoạch');
    expect(mail.text).toContain('- Hạn nộp kế hoạch: 17:00 12/02/2027 (còn 3 ngày làm việc)');
    expect(mail.text).toContain('Mở kế hoạch: http://duyet.test/api/plans/p1');
    expect(mail.text).not.toContain('quá hạn');
    expect(mail.html).toContain('Trường Tiểu học &lt;Thanh Tân&gt;');
    expect(mail.html).not.toContain('<Thanh Tân>');
  });

  it('says "today" only when the deadline is today, and how late a plan is', () => {
    const render = (over: Partial<ReminderItem>) =>
      renderMail(MailTemplate.REMINDER, {
        recipientName: 'A',
        officeName: office,
        day: '12/02/2027',
        items: [item(over)],
        listUrl: 'x',
      }).subject;
    expect(render({ workingDays: 0, dueToday: true })).toMatch(/- hạn chót là hôm nay$/);
    expect(render({ workingDays: 0, dueToday: false })).toMatch(/- hôm nay là ngày làm việc cuối cùng trước hạn$/);
    expect(render({ workingDays: 2, action: 'RESUBMIT' })).toBe(
      '[Duyệt] Nhắc hạn nộp lại kế hoạch: Trường Tiểu học <Thanh Tân> - đã quá hạn 2 ngày làm việc',
    );
  });

  it('merges several plans into one message, one numbered block each', () => {
    const mail = renderMail(MailTemplate.REMINDER, {
      recipientName: 'Nguyễn Anh Hà',
      officeName: office,
      day: '15/02/2027',
      items: [
        item({ action: 'DECIDE', workingDays: -1, schoolName: 'Trường THCS Vũ Lễ', planUrl: 'http://duyet.test/a' }),
        item({ action: 'DECIDE', workingDays: 1, schoolName: 'Trường THCS Vũ Ninh', planUrl: 'http://duyet.test/b' }),
      ],
      listUrl: 'http://duyet.test/api/plans',
    });
    expect(mail.subject).toBe('[Duyệt] Nhắc việc ngày 15/02/2027: 2 kế hoạch cần xử lý');
    expect(mail.text).toContain(
      [
        '1. Trường THCS Vũ Lễ',
        '   - Kế hoạch: 12/KH-PGDĐT - Kế hoạch năm 2027',
        '   - Việc cần làm: Xem xét và quyết định (phê duyệt hoặc trả lại) kế hoạch đã nộp',
        '   - Hạn duyệt kế hoạch: 17:00 12/02/2027 (còn 1 ngày làm việc)',
        '   Mở kế hoạch: http://duyet.test/a',
      ].join('\n'),
    );
    expect(mail.text).toContain('2. Trường THCS Vũ Ninh');
    expect(mail.text).toContain('(đã quá hạn 1 ngày làm việc)');
    expect(mail.text).toContain('Đề nghị Anh/Chị khẩn trương hoàn thành các việc đã quá hạn.');
    expect(mail.text).not.toContain('gia hạn');
    expect(mail.text).toContain('Danh sách kế hoạch: http://duyet.test/api/plans');
    expect(mail.html).toContain('<a href="http://duyet.test/b">Mở kế hoạch</a>');
  });

  it('renders the overdue digest as a table, saying when it was cut', () => {
    const mail = renderMail(MailTemplate.OVERDUE_DIGEST, {
      recipientName: 'Mai Ngọc Yến',
      officeName: office,
      day: '17/02/2027',
      campaignTitle: 'Kế hoạch năm 2027',
      documentNumber: '12/KH-PGDĐT',
      rows: [
        {
          ...item({ workingDays: 3 }),
          clusterName: 'Cụm I',
          level: 'PRIMARY',
        },
      ],
      total: 4,
      boardUrl: 'http://duyet.test/api/campaigns/c1',
    });
    expect(mail.subject).toBe('[Duyệt] Tổng hợp kế hoạch quá hạn ngày 17/02/2027: 4 kế hoạch');
    expect(mail.text).toContain('STT | Trường | Cụm | Cấp học | Việc còn chờ | Hạn | Tình trạng');
    expect(mail.text).toContain(
      '1 | Trường Tiểu học <Thanh Tân> | Cụm I | Tiểu học | nộp kế hoạch | 17:00 12/02/2027 | đã quá hạn 3 ngày làm việc',
    );
    expect(mail.text).toContain('Bảng dưới đây liệt kê 1 kế hoạch quá hạn lâu nhất');
    expect(mail.html).toContain('<a href="http://duyet.test/api/plans/p1">Trường Tiểu học &lt;Thanh Tân&gt;</a>');
    expect(mail.html).toContain('<td style="padding:4px 8px;border:1px solid #ccc">Tiểu học</td>');
  });

  it('merges the plans a person is copied on into their own message, under "Để biết"', () => {
    const mail = renderMail(MailTemplate.REMINDER, {
      recipientName: 'Nguyễn Anh Hà',
      officeName: office,
      day: '15/02/2027',
      items: [item({ action: 'DECIDE', workingDays: -1, schoolName: 'Trường THCS Vũ Lễ' })],
      fyi: [
        item({ workingDays: 1, schoolName: 'Trường Tiểu học Bình Minh', planUrl: 'http://duyet.test/b' }),
        item({ workingDays: 1, schoolName: 'Trường Tiểu học Nam Bình', planUrl: 'http://duyet.test/c' }),
      ],
      listUrl: 'http://duyet.test/api/plans',
    });
    expect(mail.subject).toBe('[Duyệt] Nhắc hạn duyệt kế hoạch: Trường THCS Vũ Lễ - còn 1 ngày làm việc');
    expect(mail.text).toContain(
      [
        'Để biết (Anh/Chị theo dõi, đôn đốc):',
        '- Trường Tiểu học Bình Minh (12/KH-PGDĐT): hạn nộp kế hoạch 17:00 12/02/2027, đã quá hạn 1 ngày làm việc',
        '  http://duyet.test/b',
        '- Trường Tiểu học Nam Bình (12/KH-PGDĐT): hạn nộp kế hoạch 17:00 12/02/2027, đã quá hạn 1 ngày làm việc',
        '  http://duyet.test/c',
      ].join('\n'),
    );
    // Others' lateness is news, not the reader's own: no "hurry up" and no offer to ask for more time.
    expect(mail.text).not.toContain('khẩn trương');
    expect(mail.html).toContain('<a href="http://duyet.test/c">Trường Tiểu học Nam Bình (12/KH-PGDĐT)');
  });

  it('writes a message of "Để biết" alone when the person has nothing of their own that day', () => {
    const render = (fyi: ReminderItem[]) =>
      renderMail(MailTemplate.REMINDER, {
        recipientName: 'Nguyễn Anh Hà',
        officeName: office,
        day: '15/02/2027',
        items: [],
        fyi,
        listUrl: 'http://duyet.test/api/plans',
      });
    const one = render([item({ workingDays: 1 })]);
    expect(one.subject).toBe(
      '[Duyệt] Để biết hạn nộp kế hoạch: Trường Tiểu học <Thanh Tân> - đã quá hạn 1 ngày làm việc',
    );
    expect(one.text).toContain('theo dõi, đôn đốc');
    expect(one.text).not.toContain('Việc cần làm');
    expect(one.text).not.toContain('gia hạn');
    expect(render([item(), item({ schoolName: 'Trường Tiểu học Vũ Quý' })]).subject).toBe(
      '[Duyệt] Để biết ngày 15/02/2027: 2 kế hoạch cần theo dõi',
    );
  });

  it("names each row's campaign when the digest spans several", () => {
    const row = (documentNumber: string, schoolName: string) => ({
      ...item({ workingDays: 3, schoolName }),
      documentNumber,
      clusterName: 'Cụm I',
      level: 'PRIMARY' as const,
    });
    const mail = renderMail(MailTemplate.OVERDUE_DIGEST, {
      recipientName: 'Mai Ngọc Yến',
      officeName: office,
      day: '17/02/2027',
      rows: [row('12/KH-PGDĐT', 'Trường Tiểu học Bình Minh'), row('13/KH-PGDĐT', 'Trường Tiểu học Nam Bình')],
      total: 2,
      boardUrl: 'http://duyet.test/api/board?overdue=true',
    });
    expect(mail.text).toContain('các đợt kế hoạch đang triển khai có 2 kế hoạch chưa hoàn thành đúng hạn');
    expect(mail.text).toContain('STT | Trường | Cụm | Cấp học | Đợt | Việc còn chờ | Hạn | Tình trạng');
    expect(mail.text).toContain(
      '2 | Trường Tiểu học Nam Bình | Cụm I | Tiểu học | 13/KH-PGDĐT | nộp kế hoạch | 17:00 12/02/2027 | đã quá hạn 3 ngày làm việc',
    );
  });
});
