/** What the province department's (Sở GD&ĐT) pages say. */
export const provinceStrings = {
  nav: 'Các huyện của tỉnh',
  title: 'Các huyện của tỉnh',
  intro:
    'Tình hình xây dựng kế hoạch của các trường ở từng huyện: các đợt kế hoạch Phòng GD&ĐT đã ban hành và số kế hoạch theo trạng thái. Chỉ xem, không sửa.',
  noProvince: 'Huyện chưa thuộc tỉnh nào trên hệ thống.',
  districts: 'Danh sách huyện',
  noCampaigns: 'Huyện chưa ban hành đợt kế hoạch nào.',
  colDocument: 'Đợt kế hoạch',
  colStatus: 'Tình trạng',
  colDeadline: 'Hạn nộp',
  colPlans: 'Kế hoạch theo trạng thái',
  colLinks: 'Báo cáo',
  total: (n: number) => `${n} trường`,
  issuedOn: 'ban hành ngày',
  consolidation: 'Báo cáo tổng hợp',
  reportDocx: 'Báo cáo (Word)',
  reportXlsx: 'Bảng tổng hợp (Excel)',
  campaignStatus: { ACTIVE: 'Đang thực hiện', CLOSED: 'Đã kết thúc' } as Record<string, string>,
  campaignsOf: (district: string) => `Các đợt kế hoạch của ${district}`,
};
