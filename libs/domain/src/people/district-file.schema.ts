import { z } from 'zod';
import { POSITIONS } from './positions';

// Vietnamese messages for every zod error that a schema gives no message of its own.
import '../input/validation-messages';

export const schoolLevelSchema = z.enum(['PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY']);
export const positionSchema = z.enum(POSITIONS);

/** The sample district file (prisma/district-kien-xuong.json) and any district imported the same way. */
export const districtFileSchema = z.object({
  district: z.object({
    code: z.string(),
    name: z.string(),
    province: z.string(),
    office: z.string(),
    timezone: z.string(),
  }),
  clusters: z.array(z.object({ code: z.string(), name: z.string() })),
  schools: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      level: schoolLevelSchema,
      cluster: z.string(),
      commune: z.string().optional(),
      students: z.number().int().optional(),
      /** số lớp: weighs the rates averaged by classes */
      classes: z.number().int().optional(),
    }),
  ),
  users: z.array(
    z.object({
      email: z.email(),
      fullName: z.string(),
      /** the position the rules read; a file written before positions names the title only, read once at import */
      position: positionSchema.optional(),
      /** holds the position as acting (Q.): only a head of office or a principal */
      acting: z.boolean().optional(),
      /** optional, derived from the position; when given it must agree */
      role: z.enum(['PRINCIPAL', 'SCHOOL_STAFF', 'REVIEWER', 'ADMIN', 'CLERK']).optional(),
      /** display text only ("Trưởng phòng GD&ĐT") */
      title: z.string(),
      school: z.string().optional(),
      levels: z.array(schoolLevelSchema).optional(),
      clusters: z.array(z.string()).optional(),
    }),
  ),
  sections: z.array(z.object({ key: z.string(), title: z.string(), required: z.boolean() })),
  indicators: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      unit: z.string(),
      level: schoolLevelSchema.nullable(),
      better: z.enum(['HIGHER', 'LOWER', 'NONE']),
      districtTarget: z.object({ min: z.number().optional(), max: z.number().optional() }),
      /** RATE (per school, averaged), COUNT (summed, compared as the district's total), DISTRICT (the district's own) */
      rollup: z.enum(['RATE', 'COUNT', 'DISTRICT']).default('RATE'),
      /** what a rate's average is weighted by: pupils, classes, or nothing (a plain mean) */
      weight: z.enum(['NONE', 'PUPILS', 'CLASSES']).default('NONE'),
    }),
  ),
  campaigns: z.array(z.looseObject({ key: z.string() })),
});
export type DistrictFile = z.infer<typeof districtFileSchema>;
