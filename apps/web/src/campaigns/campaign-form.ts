// The issuing form's values, and how they become the API's campaign input (POST /api/campaigns), how last year's
// campaign pre-fills them, and where the API's field errors belong. Pure: the page only renders.
import dayjs, { type Dayjs } from 'dayjs';
import type { components } from '../api/schema.gen';

export type ReminderRole = 'PRINCIPAL' | 'REVIEWER' | 'ADMIN';
export const REMINDER_ROLES: ReminderRole[] = ['PRINCIPAL', 'REVIEWER', 'ADMIN'];

export interface RungValue {
  offset: number;
  to: ReminderRole[];
  cc: ReminderRole[];
}

export interface CampaignFormValues {
  /** REPORT: a report (báo cáo định kỳ, đột xuất), sections only; absent or PLAN: a plan */
  kind?: 'PLAN' | 'REPORT';
  key: string;
  documentNumber: string;
  issuedOn: Dayjs;
  title: string;
  legalBases: string[];
  signer: string;
  signerTitle?: string;
  periodFrom: Dayjs;
  periodTo: Dayjs;
  phases: { name: string; from: Dayjs; to: Dayjs }[];
  targetLevels: string[];
  targetClusters: string[];
  requiredSections: string[];
  requiredIndicators: string[];
  /** the directive's own target per indicator code (pre-filled with the catalogue's), sent for the required ones */
  targets?: Record<string, TargetValue | undefined>;
  deadlineDay: Dayjs;
  deadlineTime: string;
  paperCopies: number;
  receiver?: string;
  /** nơi nhận of the directive, one per line */
  distribution?: string;
  reviewMode: 'DESK' | 'MEETING';
  approvalLevels: 1 | 2;
  reviewDays: number;
  revisionDays: number;
  rungs: RungValue[];
  digestOn: boolean;
  digestStart: number;
  digestEvery: number;
}

export interface TargetValue {
  min?: number | null;
  max?: number | null;
}

/** The targets of the required indicators as the API takes them; an indicator the form never showed is left out. */
export function targetsOf(v: Pick<CampaignFormValues, 'requiredIndicators' | 'targets'>) {
  const out: Record<string, { min: number | null; max: number | null }> = {};
  for (const code of v.requiredIndicators ?? []) {
    const t = v.targets?.[code];
    if (t) out[code] = { min: t.min ?? null, max: t.max ?? null };
  }
  return out;
}

/** The API's default submission ladder (libs/domain/src/reminders/policy.ts), as the form starts it. */
export const DEFAULT_RUNGS: RungValue[] = [
  { offset: -7, to: ['PRINCIPAL'], cc: [] },
  { offset: -3, to: ['PRINCIPAL'], cc: [] },
  { offset: -1, to: ['PRINCIPAL'], cc: [] },
  { offset: 0, to: ['PRINCIPAL'], cc: [] },
  { offset: 1, to: ['PRINCIPAL'], cc: ['REVIEWER'] },
  { offset: 3, to: ['ADMIN'], cc: [] },
];
export const DEFAULT_DIGEST = { startAfter: 3, everyDays: 7 };

/** A rung's key in ReminderSent, from its offset: "before-3", "due", "after-1". */
export const rungKey = (offset: number): string =>
  offset < 0 ? `before-${-offset}` : offset === 0 ? 'due' : `after-${offset}`;

const DAY = 'YYYY-MM-DD';
const day = (d: Dayjs) => d.format(DAY);

/** "2027-06-30" and "17:00" → the instant in Vietnam's time, as the API wants it. */
export const deadlineInstant = (date: string, time: string): string => `${date}T${time}:00+07:00`;

interface Ladder {
  rungs: { key: string; offset: number; to: ReminderRole[]; cc: ReminderRole[] }[];
  digest: { startAfter: number; everyDays: number; to: ReminderRole[] } | null;
}

/** The submission ladder the form describes, in the form's order (an API error's index is the form's). */
export function ladderOf(v: Pick<CampaignFormValues, 'rungs' | 'digestOn' | 'digestStart' | 'digestEvery'>): Ladder {
  const rungs = (v.rungs ?? [])
    .filter((r) => typeof r?.offset === 'number')
    .map((r) => ({ key: rungKey(r.offset), offset: r.offset, to: r.to ?? [], cc: r.cc ?? [] }));
  const digest = v.digestOn ? { startAfter: v.digestStart, everyDays: v.digestEvery, to: ['ADMIN' as const] } : null;
  return { rungs, digest };
}

/**
 * The body of POST /api/campaigns. `basePolicy`: the policy of the campaign copied from, whose revision and review
 * ladders the form does not show and carries over unchanged.
 */
export function toCampaignInput(v: CampaignFormValues, copiedFromId?: string, basePolicy?: Record<string, unknown>) {
  const optional = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);
  return {
    ...(v.kind === 'REPORT' ? { kind: 'REPORT' as const } : {}),
    key: v.key.trim(),
    documentNumber: v.documentNumber.trim(),
    title: v.title.trim(),
    legalBases: (v.legalBases ?? []).map((b) => b?.trim()).filter((b): b is string => !!b),
    issuedOn: day(v.issuedOn),
    period: { from: day(v.periodFrom), to: day(v.periodTo) },
    phases: (v.phases ?? []).map((p) => ({ name: p.name.trim(), from: day(p.from), to: day(p.to) })),
    targetLevels: v.targetLevels as ('PRESCHOOL' | 'PRIMARY' | 'LOWER_SECONDARY')[],
    targetClusters: v.targetClusters ?? [],
    requiredSections: v.requiredSections,
    requiredIndicators: v.requiredIndicators ?? [],
    targets: targetsOf(v),
    submissionDeadline: deadlineInstant(day(v.deadlineDay), v.deadlineTime),
    paperCopies: v.paperCopies,
    receiver: optional(v.receiver),
    distribution: (v.distribution ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    reviewMode: v.reviewMode,
    approvalLevels: v.approvalLevels,
    reviewDays: v.reviewDays,
    revisionDays: v.revisionDays,
    reminderPolicy: { ...(basePolicy ?? {}), SUBMISSION: ladderOf(v) },
    signer: { email: v.signer, title: optional(v.signerTitle) },
    ...(copiedFromId ? { copiedFromId } : {}),
  };
}

/** What the form needs of a campaign the API answered (GET /api/campaigns) to copy it. */
export type CampaignSource = Omit<
  components['schemas']['CampaignListDto'][number],
  | 'key'
  | 'status'
  | 'workflowId'
  | 'plansOpenedAt'
  | 'problem'
  | 'createdAt'
  | 'planCounts'
  | 'copiedFromId'
  | 'kind'
  | 'parentId'
  | 'phaseIndex'
>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The source's submission ladder as the form edits it; the API's default when the source kept the default. */
function rungsOf(policy: unknown): Pick<CampaignFormValues, 'rungs' | 'digestOn' | 'digestStart' | 'digestEvery'> {
  const ladder = isRecord(policy) && isRecord(policy.SUBMISSION) ? policy.SUBMISSION : null;
  if (!ladder || !Array.isArray(ladder.rungs)) {
    return {
      rungs: DEFAULT_RUNGS,
      digestOn: true,
      digestStart: DEFAULT_DIGEST.startAfter,
      digestEvery: DEFAULT_DIGEST.everyDays,
    };
  }
  const rungs = ladder.rungs.filter(isRecord).map((r) => ({
    offset: Number(r.offset),
    to: (Array.isArray(r.to) ? r.to : []) as ReminderRole[],
    cc: (Array.isArray(r.cc) ? r.cc : []) as ReminderRole[],
  }));
  const digest = isRecord(ladder.digest) ? ladder.digest : null;
  return {
    rungs,
    digestOn: !!digest,
    digestStart: digest ? Number(digest.startAfter) : DEFAULT_DIGEST.startAfter,
    digestEvery: digest ? Number(digest.everyDays) : DEFAULT_DIGEST.everyDays,
  };
}

/**
 * "Sao chép từ năm trước": the form filled from a campaign, every date moved on by `years` (the deadline keeps its
 * time of day in Vietnam); the key and the document number are left empty, since the new directive has its own.
 */
export function fromCampaign(c: CampaignSource, years = 1): Partial<CampaignFormValues> {
  const on = (d: string) => dayjs(d, DAY).add(years, 'year');
  const deadline = dayjs(c.submissionDeadline).tz('Asia/Ho_Chi_Minh');
  const phases = Array.isArray(c.phases) ? c.phases.filter(isRecord) : [];
  const sections = Array.isArray(c.sections) ? c.sections.filter(isRecord) : [];
  return {
    key: '',
    documentNumber: '',
    title: c.title,
    legalBases: c.legalBases,
    issuedOn: on(c.issuedOn),
    periodFrom: on(c.period.from),
    periodTo: on(c.period.to),
    phases: phases.map((p) => ({ name: String(p.name), from: on(String(p.from)), to: on(String(p.to)) })),
    targetLevels: c.targetLevels,
    targetClusters: c.targetClusters,
    requiredSections: sections.map((s) => String(s.key)),
    requiredIndicators: c.requiredIndicators,
    targets: c.targets,
    deadlineDay: dayjs(deadline.format(DAY), DAY).add(years, 'year'),
    deadlineTime: deadline.format('HH:mm'),
    paperCopies: c.paperCopies,
    receiver: c.receiver?.email,
    distribution: (c.distribution ?? []).join('\n'),
    reviewMode: c.reviewMode === 'MEETING' ? 'MEETING' : 'DESK',
    approvalLevels: c.approvalLevels === 2 ? 2 : 1,
    reviewDays: c.reviewDays,
    revisionDays: c.revisionDays,
    signer: c.signer?.email ?? '',
    signerTitle: c.signerTitle ?? undefined,
    ...rungsOf(c.reminderPolicy),
  };
}

interface SchoolRow {
  level: string;
  cluster: { code: string };
  closedAt?: string | null;
}

/**
 * How many open schools each choice selects: per level, per cluster (within the chosen levels), and in all
 * (no cluster chosen means every cluster, as the API reads it).
 */
export function schoolCounts(schools: SchoolRow[], levels: string[], clusters: string[]) {
  const open = schools.filter((s) => !s.closedAt);
  const byLevel: Record<string, number> = {};
  const byCluster: Record<string, number> = {};
  let total = 0;
  for (const s of open) {
    byLevel[s.level] = (byLevel[s.level] ?? 0) + 1;
    if (!levels.includes(s.level)) continue;
    byCluster[s.cluster.code] = (byCluster[s.cluster.code] ?? 0) + 1;
    if (clusters.length === 0 || clusters.includes(s.cluster.code)) total++;
  }
  return { byLevel, byCluster, total };
}

/** Which step of the form holds each field. */
export const STEP_FIELDS: string[][] = [
  ['key', 'documentNumber', 'issuedOn', 'title', 'legalBases', 'signer', 'signerTitle'],
  ['periodFrom', 'periodTo', 'phases'],
  ['targetLevels', 'targetClusters'],
  ['requiredSections', 'requiredIndicators', 'targets'],
  [
    'deadlineDay',
    'deadlineTime',
    'paperCopies',
    'receiver',
    'distribution',
    'reviewMode',
    'approvalLevels',
    'reviewDays',
    'revisionDays',
  ],
  ['rungs', 'digestOn', 'digestStart', 'digestEvery'],
];

const RENAMED: Record<string, string> = {
  'period.from': 'periodFrom',
  'period.to': 'periodTo',
  submissionDeadline: 'deadlineDay',
  'signer.email': 'signer',
  'signer.title': 'signerTitle',
  'reminderPolicy.SUBMISSION.digest': 'digestStart',
};

/**
 * Where an API field error belongs in the form: "period.to" → periodTo on the second step, "phases.0.name" →
 * ['phases', 0, 'name'], "reminderPolicy.SUBMISSION.rungs.2.to" → ['rungs', 2, 'to']. null: no field of the form.
 */
export function formField(apiField: string): { name: (string | number)[]; step: number } | null {
  let path = apiField;
  for (const [from, to] of Object.entries(RENAMED)) if (path === from || path.startsWith(`${from}.`)) path = to;
  path = path.replace(/^reminderPolicy\.SUBMISSION\.rungs/, 'rungs').replace(/^reminderPolicy(\..*)?$/, 'rungs');
  const parts = path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const top = String(parts[0]);
  const step = STEP_FIELDS.findIndex((fields) => fields.includes(top));
  if (step < 0) return null;
  // A list's item names a field of its own only where the form has one (the phases' name, from, to; a rung's to).
  const whole = ['legalBases', 'targetLevels', 'requiredSections', 'distribution'];
  const name = whole.includes(top) ? [top] : parts.slice(0, 3);
  if (top === 'rungs' && name.length === 3 && !['offset', 'to', 'cc'].includes(String(name[2]))) name.length = 1;
  return { name, step };
}
