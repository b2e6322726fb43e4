import { attachmentOptions } from './mail-attachments';
import { MailTemplate, renderMail } from './templates';

describe('attachmentOptions', () => {
  it('sends an iCalendar file with a method as the invitation, and other files as attachments', () => {
    const options = attachmentOptions([
      { filename: 'lich-hoi-nghi.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR', method: 'REQUEST' },
      {
        filename: 'ghi-chu.txt',
        contentType: 'text/plain',
        content: Buffer.from('xin chào').toString('base64'),
        encoding: 'base64',
      },
    ]);
    expect(options.icalEvent).toEqual({ filename: 'lich-hoi-nghi.ics', method: 'REQUEST', content: 'BEGIN:VCALENDAR' });
    expect(options.attachments).toEqual([
      { filename: 'ghi-chu.txt', contentType: 'text/plain', content: Buffer.from('xin chào') },
    ]);
  });

  it('gives nothing for a row without attachments or with a malformed list', () => {
    expect(attachmentOptions([])).toEqual({});
    expect(attachmentOptions(null)).toEqual({});
    expect(attachmentOptions([{ filename: 1 }])).toEqual({});
  });
});

describe('the meeting e-mails', () => {
  const base = {
    recipientName: 'Mai Anh Hằng',
    officeName: 'Phòng Giáo dục và Đào tạo Kiến Xương',
    meetingTitle: 'Hội nghị duyệt kế hoạch - Cụm I',
    campaignTitle: 'Kế hoạch năm học 2017 - 2018',
    documentNumber: '85/KH-PGDĐT',
    venue: 'Hội trường Phòng GD&ĐT',
    day: 'Thứ Hai, 25/09/2017',
    meetingTime: '07:30 - 10:00',
    meetingUrl: 'http://duyet.test/api/meetings/m-1/agenda',
  };

  it('invites a school to its slot and asks for the plan before the meeting', () => {
    const mail = renderMail(MailTemplate.MEETING_INVITATION, {
      ...base,
      change: 'NEW',
      schoolName: 'Trường Mầm non Thanh Tân',
      position: 2,
      slotTime: '08:00 - 08:30',
      submitBy: '07:30 25/09/2017',
    });
    expect(mail.subject).toBe(
      '[Duyệt] Giấy mời: Hội nghị duyệt kế hoạch - Cụm I - Trường Mầm non Thanh Tân trình bày 08:00 - 08:30, Thứ Hai, 25/09/2017',
    );
    expect(mail.text).toContain('Thời gian trình bày của trường: 08:00 - 08:30, Thứ Hai, 25/09/2017 (thứ tự 2).');
    expect(mail.text).toContain('nộp kế hoạch trên hệ thống trước 07:30 25/09/2017');
  });

  it('tells what changed in an update, and why in a cancellation', () => {
    const agenda = renderMail(MailTemplate.MEETING_AGENDA, {
      ...base,
      change: 'UPDATED',
      note: 'bắt đầu lúc 13:30 28/09/2017',
      rows: [{ position: 1, time: '13:30 - 14:00', schoolName: 'Trường Mầm non Thanh Tân', planStatus: 'đã nộp' }],
    });
    expect(agenda.subject).toBe('[Duyệt] Cập nhật chương trình: Hội nghị duyệt kế hoạch - Cụm I, Thứ Hai, 25/09/2017');
    expect(agenda.text).toContain('Lịch hội nghị đã thay đổi: bắt đầu lúc 13:30 28/09/2017');
    expect(agenda.text).toContain('1 | 13:30 - 14:00 | Trường Mầm non Thanh Tân | đã nộp');
    const cancelled = renderMail(MailTemplate.MEETING_CANCELLED, {
      ...base,
      whole: true,
      reason: 'Trùng lịch họp của huyện.',
    });
    expect(cancelled.subject).toBe('[Duyệt] Hủy lịch: Hội nghị duyệt kế hoạch - Cụm I, Thứ Hai, 25/09/2017');
    expect(cancelled.text).toContain('Lý do: Trùng lịch họp của huyện.');
  });
});
