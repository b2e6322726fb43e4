import type { AuditType } from '@duyet/database';
import type { AuditData, PlanMoveData } from './audit-events';
import { type AuditActorName, describeAuditEvent } from './describe';

const deputy: AuditActorName = { fullName: 'Nguyễn Văn A', title: 'Phó trưởng phòng' };
const head: AuditActorName = { fullName: 'Ngô Minh Nam', title: 'Hiệu trưởng' };
const admin: AuditActorName = { fullName: 'Trần Thị B', title: 'Trưởng phòng' };

const deadlines = (revision: string | null) => ({ submission: '2027-06-30T10:00:00.000Z', revision, reviewDue: null });
const move: PlanMoveData = {
  outcome: { status: 'DRAFTING', versionNo: 0, deadlines: deadlines(null) },
  emailIds: [],
  from: 'DRAFTING',
  to: 'SUBMITTED',
};
const decision = { ...move, kind: 'RETURN', capacity: 'KT. TRƯỞNG PHÒNG', supersedes: null, versionNo: 1 };
const meeting = { meetingIds: ['m1'], emailIds: [] };

// One case per audit type: the data as its type declares it, the actor, and the sentence the trail shows.
const cases: { [K in AuditType]: [AuditActorName | null, AuditData[K], string] } = {
  CAMPAIGN_CREATED: [admin, { key: 'k', documentNumber: '21/KH-PGDĐT' }, 'ban hành đợt kế hoạch 21/KH-PGDĐT'],
  CAMPAIGN_PLANS_OPENED: [null, { plansStarted: 60 }, 'Hệ thống mở kế hoạch cho 60 trường'],
  PLAN_DRAFT_STARTED: [head, { ...move, from: 'RETURNED', to: 'DRAFTING' }, 'bắt đầu chỉnh sửa kế hoạch theo góp ý'],
  PLAN_SUBMITTED: [
    head,
    { ...move, versionNo: 2, late: true, warnings: [{}] },
    'nộp kế hoạch (lần nộp thứ 2), sau hạn, kèm 1 cảnh báo',
  ],
  PLAN_APPROVED: [deputy, { ...decision, kind: 'APPROVE', versionNo: 3 }, 'phê duyệt lần nộp thứ 3'],
  PLAN_RETURNED: [
    deputy,
    {
      ...decision,
      versionNo: 1,
      outcome: { status: 'RETURNED', versionNo: 1, deadlines: deadlines('2027-01-03T10:00:00.000Z') },
    },
    'Phó trưởng phòng Nguyễn Văn A trả lại lần nộp thứ 1 để chỉnh sửa, hạn 17:00 03/01/2027.',
  ],
  PLAN_WITHDRAWN: [head, { ...move, versionNo: 1 }, 'rút lần nộp thứ 1 về bản nháp'],
  PLAN_REVIEW_STARTED: [
    deputy,
    { ...move, outcome: { status: 'UNDER_REVIEW', versionNo: 2, deadlines: deadlines(null) } },
    'bắt đầu xét duyệt lần nộp thứ 2',
  ],
  PLAN_RECOMMENDED: [
    { fullName: 'Lê C', title: 'chuyên viên' },
    { ...decision, kind: 'RECOMMEND_RETURN', versionNo: 1 },
    'Chuyên viên Lê C đề xuất trả lại lần nộp thứ 1.',
  ],
  PLAN_EXEMPTED: [
    admin,
    { ...move, reason: 'Trường sáp nhập' },
    'miễn cho trường không phải nộp kế hoạch: “Trường sáp nhập”',
  ],
  PLAN_REOPENED: [
    admin,
    { ...move, deadline: '2027-09-15T10:00:00.000Z' },
    'mở lại kế hoạch đã duyệt để điều chỉnh, hạn 17:00 15/09/2027',
  ],
  PLAN_CLOSED: [
    null,
    { ...move, reason: 'Đợt kết thúc' },
    'Hệ thống đóng kế hoạch khi chưa được phê duyệt: “Đợt kết thúc”',
  ],
  PLAN_REVIEWER_ASSIGNED: [
    admin,
    { ...move, reviewerId: 'r2', previousReviewerId: 'r1' },
    'phân công người duyệt khác cho kế hoạch',
  ],
  PLAN_DRAFT_SAVED: [
    head,
    {
      revision: 3,
      basedOn: 2,
      sections: ['purpose', 'tasks'],
      indicators: ['SWIM'],
      changed: { sections: ['purpose', 'tasks'], indicators: ['SWIM'] },
    },
    'lưu bản nháp (sửa 2 mục, 1 chỉ tiêu)',
  ],
  COMMENT_ADDED: [
    deputy,
    { commentId: 'c1', anchorType: 'SECTION', anchorKey: 'tasks', parentId: null },
    'ghi góp ý về một mục của kế hoạch',
  ],
  COMMENT_RESOLVED: [deputy, { commentId: 'c1', versionNo: 2 }, 'đánh dấu một góp ý là đã giải quyết ở lần nộp thứ 2'],
  ATTACHMENT_ADDED: [
    head,
    { attachmentId: 'a1', fileName: 'Kế hoạch bản ký.pdf', mimeType: 'application/pdf', size: 1000, sha256: 'x' },
    'đính kèm tệp “Kế hoạch bản ký.pdf”',
  ],
  ATTACHMENT_REMOVED: [head, { attachmentId: 'a1', fileName: 'cu.pdf', sha256: 'x' }, 'gỡ tệp “cu.pdf” khỏi bản nháp'],
  CAMPAIGN_SCHOOL_ADDED: [admin, { schoolCode: 'th-binh-minh', requestKey: 'k' }, 'thêm trường th-binh-minh vào đợt'],
  CAMPAIGN_SCHOOL_REMOVED: [
    admin,
    { schoolCode: 'th-binh-minh', reason: 'Giải thể' },
    'đưa trường th-binh-minh ra khỏi đợt: “Giải thể”',
  ],
  CAMPAIGN_CLOSED: [admin, { reason: 'Hết năm học' }, 'kết thúc đợt kế hoạch: “Hết năm học”'],
  CAMPAIGN_PROBLEM: [null, { stage: 'LAUNCH', message: 'Temporal không trả lời' }, 'Hệ thống gặp sự cố khi mở đợt'],
  DEADLINE_EXTENDED: [
    admin,
    { ...move, kind: 'REVISION', previous: null, until: '2027-01-10T10:00:00.000Z', reason: 'Ốm đau' },
    'Trưởng phòng Trần Thị B gia hạn hạn nộp lại đến 17:00 10/01/2027: “Ốm đau”.',
  ],
  EXTENSION_REQUESTED: [
    head,
    { id: 'e1', reason: 'Chờ hội đồng trường họp', requestedUntil: '2027-07-05T10:00:00.000Z', emailIds: [] },
    'Hiệu trưởng Ngô Minh Nam đề nghị gia hạn đến 17:00 05/07/2027: “Chờ hội đồng trường họp”.',
  ],
  EXTENSION_GRANTED: [admin, { id: 'e1' }, 'chấp thuận đề nghị gia hạn'],
  EXTENSION_REFUSED: [
    admin,
    { id: 'e1', note: 'Đã đủ thời gian', emailIds: [] },
    'không chấp thuận đề nghị gia hạn: “Đã đủ thời gian”',
  ],
  REMINDER_SENT: [
    null,
    { emails: 3, rungs: 3, skipped: 0, deferred: 0, day: '2027-06-28', manual: false, planIds: null, campaignIds: [] },
    'Hệ thống gửi 3 e-mail nhắc hạn ngày 28/06/2027.',
  ],
  DAY_OVERRIDE_CHANGED: [
    admin,
    { date: '2027-02-08', before: null, after: { date: '2027-02-08', kind: 'DAY_OFF', name: 'Nghỉ Tết' } },
    'đặt ngày 08/02/2027 là ngày nghỉ (Nghỉ Tết)',
  ],
  REMINDER_HOUR_CHANGED: [
    admin,
    { before: '08:00', after: '07:30' },
    'đổi giờ gửi nhắc hạn hằng ngày từ 08:00 sang 07:30',
  ],
  MEETING_SCHEDULED: [
    admin,
    {
      ...meeting,
      meetingId: 'm1',
      cluster: 'I',
      startsAt: '2027-09-25T01:30:00.000Z',
      venue: 'Phòng họp A',
      schools: [],
    },
    'lên lịch họp duyệt kế hoạch cụm I lúc 08:30 25/09/2027 tại Phòng họp A',
  ],
  MEETING_RESCHEDULED: [
    admin,
    {
      ...meeting,
      meetingId: 'm1',
      from: { startsAt: '2027-09-25T01:30:00.000Z', venue: 'A', slotMinutes: 20 },
      to: { startsAt: '2027-09-26T01:30:00.000Z', venue: 'Hội trường', slotMinutes: 20 },
    },
    'dời cuộc họp duyệt kế hoạch sang 08:30 26/09/2027 tại Hội trường',
  ],
  MEETING_SLOTS_REORDERED: [
    admin,
    { ...meeting, meetingId: 'm1', order: [] },
    'đổi thứ tự trình bày của các trường trong cuộc họp',
  ],
  MEETING_SCHOOL_ADDED: [
    admin,
    { ...meeting, from: 'm1', to: 'm2', school: 'th-binh-minh' },
    'chuyển trường th-binh-minh sang một cuộc họp khác',
  ],
  MEETING_SCHOOL_REMOVED: [
    admin,
    { ...meeting, meetingId: 'm1', school: 'th-binh-minh', reason: 'Trùng lịch' },
    'đưa trường th-binh-minh ra khỏi cuộc họp: “Trùng lịch”',
  ],
  MEETING_CANCELLED: [
    admin,
    { ...meeting, meetingId: 'm1', title: 'Họp cụm I', reason: 'Bão' },
    'hủy cuộc họp “Họp cụm I”: “Bão”',
  ],
  MEETING_ATTENDANCE_RECORDED: [
    admin,
    { meetingId: 'm1', present: 12, absent: 1, guests: [] },
    'ghi danh sách dự họp: 12 người có mặt, 1 người vắng',
  ],
  MEETING_OUTCOME_RECORDED: [
    deputy,
    { meetingId: 'm1', slotId: 's1', outcome: 'RETURNED', status: 'RETURNED' },
    'ghi kết quả họp: kế hoạch cần chỉnh sửa',
  ],
  EMAIL_RESENT: [
    admin,
    {
      emailId: 'x',
      to: 'hieutruong@truong.example',
      subject: 'Nhắc hạn',
      template: 'REMINDER',
      attempts: 3,
      lastError: null,
      campaignId: null,
      planId: null,
    },
    'gửi lại e-mail “Nhắc hạn” đến hieutruong@truong.example',
  ],
  DELEGATION_RECORDED: [
    admin,
    {
      delegationId: 'd1',
      from: { id: 'u1', fullName: 'Trần Thị B' },
      to: { id: 'u2', fullName: 'Mai Đức Hương' },
      kind: 'TUQ',
      startsOn: '2027-10-01',
      endsOn: '2027-10-15',
    },
    'ghi nhận việc giao ký thừa ủy quyền (TUQ) của Trần Thị B cho Mai Đức Hương từ 01/10/2027 đến 15/10/2027',
  ],
  PAPER_COPIES_RECEIVED: [
    { fullName: 'Đặng Anh Tuấn', title: 'Văn thư' },
    { receiptId: 'r1', copies: 1, receivedAt: '2027-01-05T02:00:00.000Z', total: 2, required: 2 },
    'ghi nhận 1 bản giấy của kế hoạch (đã nhận 2/2 bản)',
  ],
  DELEGATION_REVOKED: [
    admin,
    {
      delegationId: 'd1',
      from: { id: 'u1', fullName: 'Trần Thị B' },
      to: { id: 'u2', fullName: 'Mai Đức Hương' },
      kind: 'TL',
      startsOn: '2027-10-01',
      endsOn: '2027-10-15',
      reason: 'Trưởng phòng đã trở lại',
    },
    'thu hồi việc giao ký thừa lệnh (TL) của Trần Thị B cho Mai Đức Hương từ 01/10/2027 đến 15/10/2027: “Trưởng phòng đã trở lại”',
  ],
  CLUSTER_CREATED: [admin, { clusterId: 'c1', code: 'V', name: 'Cụm V' }, 'thêm cụm trường Cụm V (mã V)'],
  CLUSTER_RENAMED: [
    admin,
    { clusterId: 'c1', code: 'V', before: 'Cụm V', after: 'Cụm Đông' },
    'đổi tên cụm V từ “Cụm V” thành “Cụm Đông”',
  ],
  CLUSTER_REMOVED: [admin, { clusterId: 'c1', code: 'V', name: 'Cụm V', reviewers: 0 }, 'xoá cụm trường Cụm V'],
  SCHOOL_CREATED: [
    admin,
    {
      schoolId: 's1',
      code: 'th-moi',
      after: { name: 'Trường Tiểu học Mới', level: 'PRIMARY', cluster: 'I', commune: null, students: 300 },
    },
    'thêm Trường Tiểu học Mới vào huyện',
  ],
  SCHOOL_CHANGED: [
    admin,
    {
      schoolId: 's1',
      code: 'th-moi',
      before: { level: 'PRIMARY', cluster: 'I' },
      after: { level: 'LOWER_SECONDARY', cluster: 'II' },
    },
    'sửa thông tin trường th-moi (cấp học, cụm)',
  ],
  SCHOOL_CLOSED: [
    admin,
    { schoolId: 's1', code: 'th-moi', name: 'Trường Tiểu học Mới', reason: 'Sáp nhập', openPlans: 2 },
    'đóng Trường Tiểu học Mới, không giao kế hoạch mới: “Sáp nhập”',
  ],
  SCHOOL_REOPENED: [
    admin,
    { schoolId: 's1', code: 'th-moi', name: 'Trường Tiểu học Mới' },
    'mở lại Trường Tiểu học Mới',
  ],
  USER_CREATED: [
    admin,
    {
      user: { id: 'u3', fullName: 'Lê Văn C' },
      after: { fullName: 'Lê Văn C', title: 'Hiệu trưởng', position: 'PRINCIPAL', acting: true, school: 'th-moi' },
      invited: true,
    },
    'thêm người dùng Lê Văn C (Q. hiệu trưởng trường th-moi), gửi thư mời',
  ],
  USER_CHANGED: [
    admin,
    {
      user: { id: 'u3', fullName: 'Lê Văn C' },
      before: { position: 'PRINCIPAL', school: 'th-moi' },
      after: { position: 'DEPUTY_PRINCIPAL', school: 'th-cu' },
      handedOver: { school: 'th-moi', plans: 2, to: { id: 'u4', fullName: 'Phạm Thị D' } },
    },
    'cập nhật Lê Văn C: chức vụ từ hiệu trưởng sang phó hiệu trưởng; từ trường th-moi sang trường th-cu; ' +
      'bàn giao 2 kế hoạch đang mở của trường th-moi cho Phạm Thị D',
  ],
  USER_DEACTIVATED: [
    admin,
    { user: { id: 'u3', fullName: 'Lê Văn C' }, handedOver: { school: 'th-moi', plans: 1, to: null } },
    'khoá tài khoản của Lê Văn C; 1 kế hoạch đang mở của trường th-moi chờ lãnh đạo Phòng giao người phụ trách',
  ],
  USER_REACTIVATED: [admin, { user: { id: 'u3', fullName: 'Lê Văn C' } }, 'mở lại tài khoản của Lê Văn C'],
  REVIEW_SCOPE_CHANGED: [
    admin,
    {
      user: { id: 'u2', fullName: 'Mai Đức Hương' },
      before: { levels: [], clusters: ['I'] },
      after: { levels: ['PRIMARY'], clusters: ['I', 'II'] },
    },
    'đặt phạm vi duyệt của Mai Đức Hương: cấp tiểu học; cụm I, II',
  ],
  PLAN_HANDED_OVER: [
    admin,
    {
      from: { id: 'u3', fullName: 'Lê Văn C' },
      to: { id: 'u4', fullName: 'Phạm Thị D' },
      schoolCode: 'th-moi',
      status: 'DRAFTING',
    },
    'bàn giao kế hoạch của hiệu trưởng Lê Văn C cho Phạm Thị D',
  ],
  PERSONAL_DATA_EXPORTED: [admin, { user: { id: 'u3', fullName: 'Lê Văn C' } }, 'xuất dữ liệu cá nhân của Lê Văn C'],
  USER_ERASED: [
    admin,
    { user: { id: 'u3', fullName: 'Người dùng đã xoá #1a2b3c4d' }, signIns: 3, emails: 2, auditEvents: 4 },
    'xoá dữ liệu cá nhân của người đã nghỉ việc (nay là Người dùng đã xoá #1a2b3c4d)',
  ],
  PHASE_OPENED: [
    admin,
    {
      phaseIndex: 0,
      phaseName: 'Giai đoạn 2018 - 2020',
      campaignId: 'c2',
      documentNumber: '455/KH-UBND (GĐ 1)',
      submissionDeadline: '2027-06-30T10:00:00.000Z',
      schools: 12,
      exceptions: [{ schoolId: 's1', schoolName: 'Trường Mầm non A', reason: 'Sáp nhập' }],
    },
    'mở Giai đoạn 2018 - 2020 để các trường tự đánh giá (12 trường, trừ 1 trường, hạn 17:00 30/06/2027)',
  ],
  PEOPLE_IMPORTED: [
    admin,
    {
      fileName: 'Danh sách huyện.xlsx',
      sha256: 'ab',
      clusters: { created: 0, updated: 0, unchanged: 4 },
      schools: { created: 12, updated: 1, unchanged: 30 },
      users: { created: 40, updated: 0, unchanged: 5 },
      invited: 40,
    },
    'nhập danh sách trường và người dùng từ tệp “Danh sách huyện.xlsx” (trường: 12 mới, 1 cập nhật; người dùng: 40 mới, 0 cập nhật; gửi thư mời 40 người)',
  ],
};

describe('describeAuditEvent: one Vietnamese sentence per event, the actor first', () => {
  it.each(Object.entries(cases))('%s', (type, [actor, data, sentence]) => {
    const text = describeAuditEvent({ type, data, actor } as Parameters<typeof describeAuditEvent>[0]);
    expect(text).toContain(sentence);
    expect(text.startsWith(actor ? `${actor.title.charAt(0).toUpperCase()}` : 'Hệ thống ')).toBe(true);
    if (actor) expect(text).toContain(actor.fullName);
    expect(text).toMatch(/[^.]\.$/);
    expect(text).not.toMatch(/undefined|null|NaN|\[object/);
  });

  it('names a deadline extended for the whole campaign as such', () => {
    const text = describeAuditEvent({
      type: 'DEADLINE_EXTENDED',
      actor: admin,
      data: {
        kind: 'SUBMISSION',
        scope: 'CAMPAIGN',
        previous: '2027-06-30T10:00:00.000Z',
        until: '2027-07-07T10:00:00.000Z',
        reason: 'Mưa bão',
        emailIds: [],
      },
    });
    expect(text).toBe('Trưởng phòng Trần Thị B gia hạn nộp cho cả đợt đến 17:00 07/07/2027: “Mưa bão”.');
  });

  it('says less rather than something broken for an old row that lacks a field', () => {
    const text = describeAuditEvent({
      type: 'PLAN_RETURNED',
      actor: deputy,
      data: {} as AuditData['PLAN_RETURNED'],
    });
    expect(text).toBe('Phó trưởng phòng Nguyễn Văn A trả lại để chỉnh sửa.');
  });

  it.each(Object.keys(cases))('%s: an old row without data reads as an event without details', (type) => {
    const text = describeAuditEvent({ type, data: null, actor: head } as never);
    expect(text).toMatch(/^Hiệu trưởng Ngô Minh Nam [^.]+\.$/);
    expect(text).not.toMatch(/undefined|null|NaN|“”|\[object/);
  });

  it('tells a reply from a new comment, and a first draft from a revision', () => {
    const reply = { commentId: 'c2', anchorType: 'SECTION', anchorKey: 'tasks', parentId: 'c1' };
    expect(describeAuditEvent({ type: 'COMMENT_ADDED', actor: head, data: reply })).toBe(
      'Hiệu trưởng Ngô Minh Nam trả lời một góp ý.',
    );
    expect(
      describeAuditEvent({ type: 'PLAN_DRAFT_STARTED', actor: head, data: { ...move, from: 'NOT_STARTED' } }),
    ).toBe('Hiệu trưởng Ngô Minh Nam bắt đầu soạn kế hoạch.');
  });
});
