import { z } from 'zod';
import { PlanStatus, SchoolLevel } from '@duyet/database';
import { pageNumberSchema, pageSizeSchema } from '../input/numbers';

/** Who the plan waits on: the school (to submit or resubmit) or the office (to decide). */
export const WAITING_ON = ['SCHOOL', 'OFFICE'] as const;
export type WaitingOn = (typeof WAITING_ON)[number];

/**
 * The paper copies (bản giấy) of submitted plans (PAPER_OWED_STATUSES): MISSING, their receipts sum below the
 * campaign's paperCopies; COMPLETE, they reach it. A plan not yet submitted matches neither.
 */
export const PAPER_COPIES_FILTERS = ['MISSING', 'COMPLETE'] as const;
export type PaperCopiesFilter = (typeof PAPER_COPIES_FILTERS)[number];

/** A leading "-" reverses the order; "-daysOverdue" (most overdue first) is the default. */
export const BOARD_SORTS = [
  'daysOverdue',
  '-daysOverdue',
  'school',
  '-school',
  'daysInState',
  '-daysInState',
  'deadline',
  '-deadline',
  'status',
  '-status',
] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];

// "?status=A,B" and "?status=A&status=B" both mean a list: links built by hand and by forms both work.
const listOf = <T extends z.ZodType>(item: T, max = 20) =>
  z.preprocess(
    (v) => {
      if (v === undefined || v === '') return undefined;
      const parts = (Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(','));
      return parts.map((s) => s.trim()).filter(Boolean);
    },
    z.array(item).min(1).max(max, `Tối đa ${max} giá trị`).optional(),
  );

/** The board's filter and sort, shared by the page, the summary and the CSV export. */
export const boardFilterSchema = z.object({
  campaignId: z.uuid('campaignId phải là UUID').optional(),
  status: listOf(
    z.enum(PlanStatus, {
      error: `Trạng thái không hợp lệ; dùng một trong: ${Object.values(PlanStatus).join(', ')}`,
    }),
  ),
  level: listOf(z.enum(SchoolLevel, { error: 'Cấp học không hợp lệ; dùng PRESCHOOL, PRIMARY hoặc LOWER_SECONDARY' })),
  cluster: listOf(z.string().max(20, 'Mã cụm trường quá dài')),
  schoolCode: z.string().trim().min(1, 'Mã trường không được để trống').max(100, 'Mã trường quá dài').optional(),
  q: z.string().trim().max(100, 'Từ khóa tìm kiếm tối đa 100 ký tự').optional(),
  overdue: z
    .enum(['true', 'false', '1', '0'], { error: 'overdue phải là true hoặc false' })
    .transform((v) => v === 'true' || v === '1')
    .optional(),
  waitingOn: z
    .enum(WAITING_ON, { error: 'waitingOn phải là SCHOOL (chờ nhà trường) hoặc OFFICE (chờ Phòng)' })
    .optional(),
  paperCopies: z
    .enum(PAPER_COPIES_FILTERS, {
      error: 'paperCopies phải là MISSING (đã nộp, còn thiếu bản giấy) hoặc COMPLETE (đã nộp, đủ bản giấy)',
    })
    .optional(),
  sort: z
    .enum(BOARD_SORTS, { error: `Cách sắp xếp không hợp lệ; dùng một trong: ${BOARD_SORTS.join(', ')}` })
    .default('-daysOverdue'),
});
export type BoardFilter = z.output<typeof boardFilterSchema>;

/**
 * "Remind now" and its preview: the board's filter, and optionally the rows the office ticked (at most a page's
 * worth); a ticked plan outside the filter, or not waiting on its school, is left out.
 */
export const remindFilterSchema = boardFilterSchema.extend({
  planIds: listOf(z.uuid('Mã kế hoạch không hợp lệ'), 200),
});
export type RemindFilter = z.output<typeof remindFilterSchema>;

export const boardQuerySchema = boardFilterSchema.extend({
  page: pageNumberSchema,
  pageSize: pageSizeSchema,
});
export type BoardQuery = z.output<typeof boardQuerySchema>;

export const failedEmailsQuerySchema = z.object({
  campaignId: z.uuid('campaignId phải là UUID').optional(),
  page: boardQuerySchema.shape.page,
  pageSize: boardQuerySchema.shape.pageSize,
});
export type FailedEmailsQuery = z.output<typeof failedEmailsQuerySchema>;
