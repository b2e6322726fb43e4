import { reminderHourSchema } from './reminder-hour';

describe('reminderHourSchema', () => {
  it("takes the district's hour as HH:mm, 00:00 to 23:59", () => {
    for (const hour of ['07:30', '00:00', '23:59']) expect(reminderHourSchema.safeParse(hour).success).toBe(true);
    for (const hour of ['7:30', '24:00', '07:60', '07.30', '']) {
      expect(reminderHourSchema.safeParse(hour).error?.issues[0].message).toBe('Giờ gửi nhắc phải có dạng HH:mm');
    }
  });
});
