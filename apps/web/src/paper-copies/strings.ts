/** The paper copies card (bản giấy): what the directive asks, what the office has received. */
export const paperStrings = {
  title: 'Bản giấy nộp về Phòng',
  received: (got: number, wanted: number) => `Đã nhận ${got}/${wanted} bản`,
  complete: 'Đủ bản giấy',
  missing: (n: number) => `Còn thiếu ${n} bản`,
  none: 'Phòng chưa nhận bản giấy nào.',
  receipts: 'Các lần nhận bản giấy',
  receipt: (copies: number, by: string) => `${copies} bản, ${by} ghi nhận`,
  copies: 'Số bản nhận',
  note: 'Ghi chú',
  notePlaceholder: 'Ví dụ: bản có chữ ký và đóng dấu, nhận qua bưu điện',
  record: 'Ghi nhận bản giấy',
  recorded: 'Đã ghi nhận bản giấy.',
};
