import { z } from 'zod';

/** What a client is told when an instant is not one; also zod's fallback for every datetime format. */
export const INSTANT_MESSAGE = 'Thời điểm phải có dạng 2027-01-15T17:00:00+07:00';

/** A moment a client sends (a deadline, an extension's end): ISO 8601 with its offset, never a bare local time. */
export const instantSchema = z.iso.datetime({ offset: true, error: INSTANT_MESSAGE });
