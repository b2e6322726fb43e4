// Every user-facing text of phases, self-assessments and reports, in one place.
export const phaseStrings = {
  // the issuing form's kind choice
  kind: 'Loại đợt',
  kindPlan: 'Kế hoạch: mỗi trường xây dựng kế hoạch (mục nội dung, chỉ tiêu)',
  kindReport: 'Báo cáo định kỳ, đột xuất: chỉ các mục nội dung, chỉ tiêu không bắt buộc, duyệt tại Phòng',
  phases: 'Giai đoạn thực hiện',
  noPhases: 'Đợt kế hoạch này không chia giai đoạn.',
  phaseDates: (from: string, to: string) => `${from} - ${to}`,
  openPhase: 'Mở giai đoạn',
  openPhaseOf: (name: string) => `Mở giai đoạn: ${name}`,
  notOpened: 'Chưa mở để tự đánh giá',
  selfAssessment: 'Tự đánh giá',
  selfAssessmentDeadline: 'Hạn nộp bản tự đánh giá',
  plansOf: (n: number) => `${n} trường`,
  approvedSchools: (n: number) => `${n} trường có kế hoạch đã được phê duyệt.`,
  noApproved: 'Chưa có kế hoạch nào được phê duyệt: chưa mở được giai đoạn.',
  dialogText: (n: number) =>
    `Mỗi trường có kế hoạch đã được phê duyệt (${n} trường) nhận một bản tự đánh giá: kết quả đạt được so với mục tiêu đã duyệt, ` +
    'những việc làm tốt, tồn tại và đề xuất. Bản tự đánh giá được nộp, xét duyệt và nhắc hạn như kế hoạch.',
  deadlineDay: 'Ngày hạn nộp (ngày làm việc)',
  deadlineTime: 'Giờ',
  pickDate: 'Chọn ngày',
  exceptions: 'Trường không tự đánh giá đợt này (ngoại lệ)',
  exceptionsHelp: 'Chọn trường, rồi ghi lý do cho từng trường.',
  reasonFor: (school: string) => `Lý do: ${school}`,
  reasonRequired: 'Cần ghi rõ lý do (ít nhất 3 ký tự)',
  required: 'Bắt buộc',
  confirm: 'Mở giai đoạn',
  cancel: 'Hủy',
  opened: 'Đã mở giai đoạn: các trường đã nhận bản tự đánh giá.',
  ofCampaign: 'Thuộc đợt kế hoạch',
  openParent: 'xem đợt kế hoạch và các giai đoạn',
  phaseOfParent: (phase: string) => `Tự đánh giá giai đoạn: ${phase}`,
  // the self-assessment form
  resultsTitle: 'Kết quả thực hiện các chỉ tiêu',
  resultsIntro:
    'Mục tiêu là mục tiêu của trường trong kế hoạch đã được phê duyệt (không sửa được). Nhập kết quả đạt được, ví dụ 98,5.',
  indicator: 'Chỉ tiêu',
  unit: 'Đơn vị',
  approvedTarget: 'Mục tiêu đã duyệt',
  result: 'Kết quả đạt được',
  resultOf: (label: string) => `Kết quả đạt được: ${label}`,
  requiredTag: 'bắt buộc',
  unreadableResult: (label: string, text: string) =>
    `Chỉ tiêu "${label}": không đọc được kết quả "${text}", nhập một số, ví dụ 98,5.`,
};

/** The words a school's screens use for each kind of campaign. */
export const kindWords = {
  PLAN: { tag: null, sections: 'Nội dung kế hoạch', submit: 'Nộp kế hoạch', resubmit: 'Nộp lại kế hoạch' },
  SELF_ASSESSMENT: {
    tag: 'Tự đánh giá',
    sections: 'Nội dung tự đánh giá',
    submit: 'Nộp bản tự đánh giá',
    resubmit: 'Nộp lại bản tự đánh giá',
  },
  REPORT: { tag: 'Báo cáo', sections: 'Nội dung báo cáo', submit: 'Nộp báo cáo', resubmit: 'Nộp lại báo cáo' },
} as const;

export type CampaignKind = keyof typeof kindWords;
export const wordsFor = (kind: string | undefined) => kindWords[(kind as CampaignKind) ?? 'PLAN'] ?? kindWords.PLAN;
