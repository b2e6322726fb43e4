export const indicatorStrings = {
  title: 'Chỉ tiêu',
  intro: 'Mục tiêu có thể là một số (98,5) hoặc một khoảng (40 - 60).',
  indicator: 'Chỉ tiêu',
  unit: 'Đơn vị',
  baseline: 'Năm gốc',
  target: 'Mục tiêu',
  districtTarget: 'Mức của huyện',
  required: 'bắt buộc',
  noDistrictTarget: 'Không quy định',
  baselineOf: (label: string) => `Số liệu năm gốc: ${label}`,
  targetOf: (label: string) => `Mục tiêu: ${label}`,
  unreadableBaseline: (label: string, text: string) =>
    `Chỉ tiêu "${label}": không đọc được số liệu năm gốc "${text}", nhập một số (ví dụ 98,5).`,
  unreadableResult: (label: string, text: string) =>
    `Chỉ tiêu "${label}": không đọc được kết quả "${text}", nhập một số (ví dụ 98,5).`,
  unreadableTarget: (label: string, text: string) =>
    `Không đọc được mục tiêu "${text}" của chỉ tiêu "${label}": nhập một số (ví dụ 98,5) hoặc một khoảng (ví dụ 40 - 60, 12% - 15%).`,
};
