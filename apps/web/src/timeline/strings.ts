export const timelineStrings = {
  title: 'Nhật ký kế hoạch',
  intro: 'Mọi việc đã làm với kế hoạch, cũ nhất trước.',
  list: 'Các sự kiện của kế hoạch',
  saves: (n: number) => `(${n} lần lưu liên tiếp)`,
  empty: 'Chưa có sự kiện nào.',
  showAll: (n: number) => `Xem tất cả ${n} sự kiện`,
  showRecent: 'Chỉ xem các sự kiện gần đây',
};
