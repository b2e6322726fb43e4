import { z } from 'zod';

/** The district's hour of its daily run. One run serves every campaign, so the hour is not a campaign's. */
export const reminderHourSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ gửi nhắc phải có dạng HH:mm');
