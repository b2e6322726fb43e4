import { MailTemplate, renderMail } from './templates';

const base = {
  recipientName: 'Đinh Anh Nam',
  schoolName: 'Trường Tiểu học <Thanh Tân>',
  campaignTitle: 'Kế hoạch năm 2022',
  documentNumber: '455/KH-UBND',
  versionNo: 2,
  planUrl: 'http://duyet.test/api/plans/p1',
  officeName: 'Phòng Giáo dục và Đào tạo Kiến Xương',
};

describe('renderMail', () => {
  it('renders a returned plan with the comment in both bodies, escaping HTML', () => {
    const mail = renderMail(MailTemplate.PLAN_RETURNED, {
      ...base,
      decidedBy: 'Nguyễn Anh Hà',
      capacity: 'KT. TRƯỞNG PHÒNG - PHÓ TRƯỞNG PHÒNG',
      decidedAt: '09:00 01/02/2022',
      comment: 'Bổ sung giải pháp & chỉ tiêu bơi',
      revisionDeadline: '17:00 10/02/2022',
      openComments: [{ anchor: 'Mục tiêu và chỉ tiêu', body: 'Chỉ tiêu bơi thấp hơn của huyện' }],
    });
    expect(mail.subject).toBe('[Duyệt] Kế hoạch của Trường Tiểu học <Thanh Tân> cần chỉnh sửa');
    expect(mail.text).toContain('Ý kiến của người duyệt: Bổ sung giải pháp & chỉ tiêu bơi');
    expect(mail.text).toContain('- Phiên bản: Lần nộp thứ 2');
    expect(mail.text).toContain('1. Mục tiêu và chỉ tiêu: Chỉ tiêu bơi thấp hơn của huyện');
    expect(mail.text).toContain('nộp lại trước 17:00 10/02/2022');
    expect(mail.text).toContain('- Hạn nộp lại: 17:00 10/02/2022');
    expect(mail.html).toContain('Bổ sung giải pháp &amp; chỉ tiêu bơi');
    expect(mail.html).toContain('Trường Tiểu học &lt;Thanh Tân&gt;');
    expect(mail.html).not.toContain('<Thanh Tân>');
  });

  it('never calls an unsubmitted plan "Lần nộp thứ 0": the extension of a plan not yet submitted', () => {
    const mail = renderMail(MailTemplate.EXTENSION_DECIDED, {
      ...base,
      versionNo: 0,
      granted: true,
      until: '17:00 15/02/2022',
      note: 'Trường bận tổ chức thi học kỳ',
    });
    expect(mail.subject).toBe('[Duyệt] Trường Tiểu học <Thanh Tân> được gia hạn đến 17:00 15/02/2022');
    expect(mail.text).toContain('- Phiên bản: Chưa nộp lần nào');
    expect(mail.text).not.toContain('Lần nộp thứ 0');
    expect(mail.html).not.toContain('Lần nộp thứ 0');
    const notice = renderMail(MailTemplate.PLAN_STATUS_NOTICE, {
      ...base,
      versionNo: 0,
      what: 'Trường được miễn nộp kế hoạch của đợt này.',
      reason: 'Sáp nhập trường',
    });
    expect(notice.text).toContain('- Phiên bản: Chưa nộp lần nào');
  });
});
