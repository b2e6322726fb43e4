import { z } from 'zod';
import '../input/validation-messages';
import { pageNumberSchema, pageSizeSchema } from '../input/numbers';
import { positionSchema, schoolLevelSchema } from './district-file.schema';

// What an admin sends to manage the district: clusters, schools, people and the reviewers' scope.

const id = (what: string) => z.guid(`${what} không hợp lệ`);
const name = (what: string, max = 200) =>
  z.string().trim().min(2, `${what} cần ít nhất 2 ký tự`).max(max, `${what} tối đa ${max} ký tự`);
const code = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Cần có mã ${what}`)
    .max(40, `Mã ${what} tối đa 40 ký tự`)
    .regex(/^[\p{L}\p{N}._-]+$/u, `Mã ${what} chỉ gồm chữ, số, dấu chấm, gạch ngang, gạch dưới`);
const bool = z.enum(['true', 'false'], 'Chỉ nhận true hoặc false').transform((v) => v === 'true');
const reason = z.string().trim().min(3, 'Cần ghi rõ lý do').max(2000);

export const clusterInputSchema = z.object({ code: code('cụm'), name: name('Tên cụm') });
export type ClusterInput = z.infer<typeof clusterInputSchema>;
export const clusterRenameSchema = z.object({ name: name('Tên cụm') });

const students = z
  .int('Số học sinh phải là số nguyên')
  .min(0, 'Số học sinh không âm')
  .max(100_000, 'Số học sinh tối đa 100.000');

export const schoolInputSchema = z.object({
  code: code('trường'),
  name: name('Tên trường'),
  level: schoolLevelSchema,
  /** the cluster's code (cụm I, II …) */
  cluster: code('cụm'),
  commune: name('Xã/phường').nullable().optional(),
  students: students.nullable().optional(),
});
export type SchoolInput = z.infer<typeof schoolInputSchema>;

/** Any of a school's facts but its code, which campaigns, the board and imports know it by. */
export const schoolChangeSchema = schoolInputSchema
  .omit({ code: true })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Không có thông tin nào cần sửa');
export type SchoolChange = z.infer<typeof schoolChangeSchema>;

export const schoolListQuerySchema = z.object({
  level: schoolLevelSchema.optional(),
  clusterId: id('Cụm').optional(),
  /** true: only closed schools; false: only open ones; absent: both */
  closed: bool.optional(),
  /** a part of the code, the name or the commune, in any case */
  q: z.string().trim().max(200, 'Từ khoá tối đa 200 ký tự').optional(),
});
export type SchoolListQuery = z.infer<typeof schoolListQuerySchema>;

export const schoolCloseSchema = z.object({ reason });

const email = z
  .email('Địa chỉ e-mail không hợp lệ')
  .max(320)
  .transform((e) => e.trim().toLowerCase());

export const userInputSchema = z.object({
  email,
  fullName: name('Họ tên', 120),
  /** shown to people ("Trưởng phòng GD&ĐT"); defaults to the position's name */
  title: name('Chức danh', 120).optional(),
  position: positionSchema,
  /** holds the position as acting (Q.): only a head of office or a principal */
  acting: z.boolean().default(false),
  /** the school of a school's member; none for the office */
  schoolId: id('Trường').nullable().optional(),
  /** send the invitation to set a password at once */
  invite: z.boolean().default(false),
});
export type UserInput = z.infer<typeof userInputSchema>;

/**
 * A change to a person: any of name, title, position, acting, school. A principal who leaves their school (another
 * school, another position) hands its open plans over to `successorId`, who becomes its principal, or, without one,
 * leaves them for the admin.
 */
export const userChangeSchema = z
  .object({
    fullName: name('Họ tên', 120),
    title: name('Chức danh', 120),
    position: positionSchema,
    acting: z.boolean(),
    schoolId: id('Trường').nullable(),
    successorId: id('Người kế nhiệm'),
    /** the successor becomes acting principal (Q. hiệu trưởng) */
    successorActing: z.boolean(),
  })
  .partial()
  .refine(
    (v) => Object.keys(v).some((k) => k !== 'successorId' && k !== 'successorActing'),
    'Không có thông tin nào cần sửa',
  );
export type UserChange = z.infer<typeof userChangeSchema>;

export const userDeactivateSchema = z.object({
  successorId: id('Người kế nhiệm').optional(),
  successorActing: z.boolean().optional(),
});
export type UserDeactivate = z.infer<typeof userDeactivateSchema>;

export const userListQuerySchema = z.object({
  position: positionSchema.optional(),
  schoolId: id('Trường').optional(),
  active: bool.optional(),
  /** part of the name or the e-mail, any case */
  q: z.string().trim().max(120, 'Từ khoá tìm tối đa 120 ký tự').optional(),
  page: pageNumberSchema,
  pageSize: pageSizeSchema,
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;

/** The levels (deputy heads) and clusters (specialists) a reviewer covers, replaced as a whole. */
export const reviewScopeSchema = z.object({
  levels: z.array(schoolLevelSchema).max(3),
  /** cluster codes */
  clusters: z.array(code('cụm')).max(200),
});
export type ReviewScopeInput = z.infer<typeof reviewScopeSchema>;
