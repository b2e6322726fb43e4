/** The documents an office files (văn bản theo Nghị định 30/2020), as download buttons. */
export const documentStrings = {
  campaignTitle: 'Tải văn bản',
  directive: 'Tải văn bản chỉ đạo (DOCX)',
  reportXlsx: 'Tải bảng tổng hợp (XLSX)',
  reportDocx: 'Tải báo cáo tổng hợp (DOCX)',
  reportHelp: 'Tổng hợp chỉ tiêu trong kế hoạch đã được phê duyệt của các trường.',
  planTitle: 'Kế hoạch đã duyệt',
  planHelp: 'Kế hoạch của phiên bản đã được phê duyệt, kèm phê duyệt của Phòng (người ký, danh nghĩa, thời điểm).',
  planDocx: 'Tải kế hoạch đã duyệt (DOCX)',
  planPdf: 'Tải kế hoạch đã duyệt (PDF)',
};
