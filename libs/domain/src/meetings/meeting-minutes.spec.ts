import mammoth from 'mammoth';
import { vnDocumentDate } from '../documents/docx-blocks';
import { type MinutesData, buildMinutesDocx } from './meeting-minutes';

const ZONE = 'Asia/Ho_Chi_Minh';
const data: MinutesData = {
  districtName: 'Huyện Kiến Xương',
  officeName: 'Phòng Giáo dục và Đào tạo Kiến Xương',
  meetingTitle: 'Hội nghị duyệt kế hoạch - Cụm I',
  campaign: {
    documentNumber: '85/KH-PGDĐT',
    title: 'Kế hoạch thực hiện nhiệm vụ năm học 2017 - 2018 của các trường mầm non',
    issuedOn: new Date('2017-08-25T00:00:00Z'),
  },
  startsAt: new Date('2017-09-25T00:30:00Z'),
  endsAt: new Date('2017-09-25T01:30:00Z'),
  timeZone: ZONE,
  venue: 'Hội trường Phòng GD&ĐT',
  office: [
    { fullName: 'Phạm Thu Hà', title: 'Phó trưởng phòng', present: true },
    { fullName: 'Vũ Minh Đức', title: 'Chuyên viên', present: false },
  ],
  schools: [
    {
      position: 1,
      schoolName: 'Trường Mầm non Thanh Tân',
      time: '07:30 - 08:00',
      attendees: [{ fullName: 'Mai Anh Hằng', title: 'Hiệu trưởng', present: true }],
      outcome: 'APPROVED',
      comment: 'Kế hoạch đầy đủ, khả thi.',
      revisionDeadline: null,
      missing: false,
    },
    {
      position: 2,
      schoolName: 'Trường Mầm non Nam Bình',
      time: '08:00 - 08:30',
      attendees: [],
      outcome: 'RETURNED',
      comment: 'Bổ sung giải pháp huy động trẻ.',
      revisionDeadline: '17:00 05/10/2017',
      missing: false,
    },
  ],
  signer: { capacity: 'KT. Trưởng phòng - Phó trưởng phòng', fullName: 'Phạm Thu Hà' },
};

describe('the minutes document', () => {
  it('is a Word file a reader opens, with the meeting, attendees, outcomes, comments and the signer', async () => {
    const docx = await buildMinutesDocx(data);
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const { value: text } = await mammoth.extractRawText({ buffer: docx });
    for (const expected of [
      'UBND HUYỆN KIẾN XƯƠNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Kiến Xương, ngày 25 tháng 9 năm 2017',
      'BIÊN BẢN',
      'Hội nghị duyệt kế hoạch - Cụm I',
      'Thực hiện Kế hoạch số 85/KH-PGDĐT ngày 25/08/2017',
      'Thời gian: từ 07:30 đến 08:30, Thứ Hai, 25/09/2017.',
      'Địa điểm: Hội trường Phòng GD&ĐT.',
      '- Phạm Thu Hà - Phó trưởng phòng',
      '- Vũ Minh Đức - Chuyên viên (vắng mặt)',
      '- Trường Mầm non Thanh Tân: Mai Anh Hằng - Hiệu trưởng.',
      'Kế hoạch đầy đủ, khả thi.',
      'Nộp lại trước 17:00 05/10/2017',
      'Bổ sung giải pháp huy động trẻ.',
      '2 trường: 1 kế hoạch được phê duyệt, 1 kế hoạch trả lại để chỉnh sửa.',
      'KT. TRƯỞNG PHÒNG',
      'PHÓ TRƯỞNG PHÒNG',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/Phê duyệt\s+Kế hoạch đầy đủ/);
    expect(text.trim().endsWith('Phạm Thu Hà')).toBe(true);
  });

  it('dates documents the way Nghị định 30/2020 writes them', () => {
    expect(vnDocumentDate(new Date('2018-01-04T03:00:00Z'), ZONE)).toBe('ngày 04 tháng 01 năm 2018');
    expect(vnDocumentDate(new Date('2017-09-25T00:30:00Z'), ZONE)).toBe('ngày 25 tháng 9 năm 2017');
  });
});
