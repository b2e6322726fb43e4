// What the import routes answer: the dry run's report (every problem where Excel shows it, what an apply would
// change) and the apply's result.
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const file = z.object({
  name: z.string(),
  bytes: z.int(),
  /** the file's SHA-256: the same in the dry run and the apply of the same file */
  sha256: z.string(),
});

const counts = z.object({ created: z.int(), updated: z.int(), unchanged: z.int() });
const changes = z.object({ clusters: counts, schools: counts, users: counts });

const problem = z.object({
  /** the sheet's name as in the file ("Trường", "Người dùng", "Cụm trường") */
  sheet: z.string(),
  /** Excel's row number; null for the whole sheet or file */
  row: z.int().nullable(),
  /** the column's letter; null for the whole row */
  column: z.string().nullable(),
  /** the column's header */
  field: z.string().nullable(),
  message: z.string(),
});

export class ImportReportDto extends createZodDto(
  z.object({
    file,
    /** no problem: an apply of this file would write `changes` */
    ok: z.boolean(),
    changes,
    problemCount: z.int(),
    /** the first 1,000 problems, in the order of the sheets and rows */
    problems: z.array(problem),
  }),
  { codec: true },
) {}

export class ImportAppliedDto extends createZodDto(
  z.object({
    file,
    changes,
    /** false when the district already matched the file: nothing was written, not even an audit event */
    changed: z.boolean(),
    /** new users sent an invitation to set their password (invite=true) */
    invited: z.int(),
  }),
  { codec: true },
) {}
