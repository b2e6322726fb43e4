export const reviewPlanStrings = {
  // the queue, from the plan page
  queueNav: 'Đi trong hàng chờ duyệt',
  prev: 'Kế hoạch trước',
  next: 'Kế hoạch sau',
  backToQueue: 'Về hàng chờ',
  position: (at: number, total: number) => `Kế hoạch ${at}/${total} trong hàng chờ`,
  notInQueue: (total: number) => `Kế hoạch này không còn trong hàng chờ (${total} kế hoạch đang chờ)`,
  keys: 'Phím tắt: J hoặc Alt+→ sang kế hoạch sau, K hoặc Alt+← về kế hoạch trước.',
  opened: (school: string, at: number, total: number) => `Đã mở kế hoạch của ${school}, ${at}/${total} trong hàng chờ`,
  // changes since the version last seen
  changesTitle: (n: number) => `Thay đổi so với lần nộp thứ ${n}`,
  changesWhy: (n: number, mine: boolean) =>
    mine ? `Lần nộp thứ ${n} là lần bạn xét gần nhất.` : `Lần nộp thứ ${n} là lần nộp trước đó.`,
  // the decision
  title: 'Xét duyệt',
  version: (n: number) => `Đang xét lần nộp thứ ${n}`,
  reviewDue: 'Hạn duyệt',
  notWaiting: 'Kế hoạch không ở trạng thái chờ duyệt: không có quyết định nào cần ghi.',
  twoLevel: 'Đợt này duyệt hai cấp: chuyên viên đề xuất, phó trưởng phòng hoặc trưởng phòng quyết định.',
  recommendationTitle: 'Đề xuất của chuyên viên',
  recommendationNone: 'Chưa có đề xuất về lần nộp này.',
  recommendationText: (who: string, capacity: string, what: string, when: string) =>
    `${who} (${capacity}) ${what} lúc ${when}.`,
  recommendKind: { RECOMMEND_APPROVE: 'đề xuất phê duyệt', RECOMMEND_RETURN: 'đề xuất trả lại' } as Record<
    string,
    string
  >,
  rubric: 'Đánh giá theo tiêu chí',
  rubricHelp: 'Không bắt buộc; được ghi cùng quyết định.',
  criteria: {
    COMPLETE: 'Khoa học, đầy đủ nội dung',
    CONCRETE: 'Mục tiêu thiết thực, cụ thể',
    FEASIBLE: 'Giải pháp khả thi',
    FITTING: 'Phù hợp điều kiện thực tiễn của trường',
  } as Record<string, string>,
  ratings: { MET: 'Đạt', PARTLY: 'Đạt một phần', NOT_MET: 'Chưa đạt' } as Record<string, string>,
  comment: 'Ý kiến',
  commentHelpReturn: 'Bắt buộc khi trả lại: nhà trường đọc ý kiến này để chỉnh sửa.',
  commentRequired: 'Cần ghi ý kiến để nhà trường chỉnh sửa',
  revisionDeadline: 'Hạn nộp lại (khi trả lại)',
  revisionHelp: (days: number) => `Mặc định ${days} ngày làm việc theo quy định của đợt; chỉ chọn được ngày làm việc.`,
  datePlaceholder: 'Chọn ngày',
  capacity: 'Danh nghĩa ký sẽ được ghi',
  approve: 'Phê duyệt',
  return: 'Trả lại để chỉnh sửa',
  recommendApprove: 'Đề xuất phê duyệt',
  recommendReturn: 'Đề xuất trả lại',
  approveConfirm: 'Phê duyệt kế hoạch này?',
  approveConfirmText:
    'Quyết định được ghi với danh nghĩa ký trên và gửi cho hiệu trưởng; không sửa được, chỉ thay bằng quyết định sau.',
  ok: 'Đồng ý',
  cancel: 'Hủy',
  approved: 'Đã phê duyệt kế hoạch.',
  returned: 'Đã trả lại kế hoạch để chỉnh sửa.',
  recommended: 'Đã ghi đề xuất.',
  cannotDecide: 'Bạn đề xuất; phó trưởng phòng hoặc trưởng phòng quyết định.',
  loading: 'Đang tải…',
};
