// The fuzz suite's own world: a district of its own (so that calendar days, the reminder hour, "remind now" and
// every e-mail stay inside it), four campaigns, and plans in every state with comments, attachments, extension
// requests and review meetings. Path parameters are filled mostly with these real ids, so that hostile requests
// reach the services and workflows behind validation, not only the validation.
import { type TestDistrict, importSampleDistrict } from '../district';
import { openCampaign } from '../campaign';
import { pdf } from '../../fixtures/attachments';
import type { Stack } from '../stack';

export const ROLES = [
  'anonymous',
  'badToken',
  'admin',
  'clerk',
  'reviewer',
  'specialist',
  'otherReviewer',
  'principal',
  'staff',
  'otherPrincipal',
  'outsider',
] as const;
export type Role = (typeof ROLES)[number];

/** The kinds of real value a path parameter or a body field is filled with. */
export const ID_KINDS = [
  'plan',
  'disposablePlan',
  'campaign',
  'disposableCampaign',
  'meetingCampaign',
  'comment',
  'attachment',
  'extension',
  'meeting',
  'disposableMeeting',
  'slot',
  'attendee',
  'reviewer',
  'user',
  'schoolCode',
  'disposableSchoolCode',
  'versionNo',
  'calendarDate',
] as const;
export type IdKind = (typeof ID_KINDS)[number];

interface SchoolInfo {
  code: string;
  level: string;
  cluster: string;
}

export interface World {
  district: TestDistrict;
  pools: Record<IdKind, string[]>;
  /** every real id of the world: an outsider that reads one of these with a 2xx is a leak */
  realIds: Set<string>;
  /** the school of each plan, for "the principal of this plan" */
  planSchool: Map<string, SchoolInfo>;
  /** the plan of each comment, attachment, extension request and slot */
  ownerPlan: Map<string, string>;
  /** what a child id lives under in a path: the plan of a comment, attachment or request, the meeting of a slot */
  parentOf: Map<string, string>;
  emails: { admin: string; clerk: string; outsider: string; all: string[] };
  /** the e-mail a role logs in as for a request about this plan (or none) */
  emailFor: (role: Role, planId?: string) => string | undefined;
  campaignIds: string[];
  campaigns: { main: string; twoLevel: string; meeting: string; exemptible: string; disposable: string };
}

const SCHOOLS: SchoolInfo[] = [
  { code: 'mn-thanh-tan', level: 'PRESCHOOL', cluster: 'I' },
  { code: 'mn-binh-minh', level: 'PRESCHOOL', cluster: 'I' },
  { code: 'th-thanh-tan', level: 'PRIMARY', cluster: 'I' },
  { code: 'th-binh-minh', level: 'PRIMARY', cluster: 'I' },
  { code: 'thcs-thanh-tan', level: 'LOWER_SECONDARY', cluster: 'I' },
  { code: 'thcs-binh-minh', level: 'LOWER_SECONDARY', cluster: 'I' },
  { code: 'mn-hong-tien', level: 'PRESCHOOL', cluster: 'II' },
  { code: 'th-hong-tien', level: 'PRIMARY', cluster: 'II' },
  { code: 'thcs-hong-tien', level: 'LOWER_SECONDARY', cluster: 'II' },
  { code: 'th-quang-binh', level: 'PRIMARY', cluster: 'II' },
];

export const DRAFT = {
  sections: {
    purpose: 'Nâng cao chất lượng giáo dục toàn diện, đáp ứng yêu cầu đổi mới căn bản.',
    tasks: 'Đổi mới phương pháp dạy học; bồi dưỡng đội ngũ; tăng cường cơ sở vật chất.',
  },
  indicators: { SWIM_CERT: { baseline: 10, target: 15 } },
};

/** Future instants and days, well inside every campaign's period. */
export const FUTURE = {
  deadline: '2027-06-30T17:00:00+07:00',
  later: '2027-07-15T17:00:00+07:00',
  meetingDay: '2027-03-15',
  otherMeetingDay: '2027-03-16',
};

interface Res {
  status: number;
  body: Record<string, unknown>;
}

function expectOk(res: Res, status: number, what: string): Record<string, unknown> {
  if (res.status !== status) {
    throw new Error(`fuzz world: ${what} answered ${res.status}, not ${status}: ${JSON.stringify(res.body)}`);
  }
  return res.body;
}

export async function buildWorld(stack: Stack): Promise<World> {
  const unique = Date.now().toString(36);
  const district = await importSampleDistrict(stack.prisma, {
    code: `fuzz-${unique}`,
    domain: `fuzz-${unique}.example`,
    schools: SCHOOLS.map((s) => s.code),
  });
  const auth = async (email: string) => ({ authorization: `Bearer ${await stack.login(email)}` });
  const principal = (code: string) => district.principal(code);
  const staff = (code: string) => district.person(`phohieutruong.${code}`);
  const deputy = (level: string) => district.person(level === 'PRESCHOOL' ? 'pho.mamnon' : 'pho.phothong');
  const specialist = (cluster: string) => district.person(cluster === 'I' ? 'chuyenvien1' : 'chuyenvien2');

  const post = async (email: string, url: string, body: object = {}) =>
    stack
      .http()
      .post(url)
      .set(await auth(email))
      .send(body) as unknown as Promise<Res>;
  const put = async (email: string, url: string, body: object) =>
    stack
      .http()
      .put(url)
      .set(await auth(email))
      .send(body) as unknown as Promise<Res>;
  const get = async (email: string, url: string) =>
    stack
      .http()
      .get(url)
      .set(await auth(email)) as unknown as Promise<Res>;

  const campaign = (key: string, overrides: Record<string, unknown>) =>
    openCampaign(
      stack,
      {
        key: `fuzz-${key}-${unique}`,
        documentNumber: `${key}/KH-PGDĐT-${unique}`,
        title: `Kế hoạch thử nghiệm ${key} năm học 2026 - 2027`,
        legalBases: ['Hướng dẫn nhiệm vụ năm học 2026 - 2027 của Sở Giáo dục và Đào tạo'],
        issuedOn: '2026-11-20',
        period: { from: '2027-01-01', to: '2027-12-31' },
        phases: [],
        requiredSections: ['purpose', 'tasks'],
        requiredIndicators: [],
        submissionDeadline: FUTURE.deadline,
        paperCopies: 1,
        reviewMode: 'DESK',
        signer: { email: district.admin, title: 'Trưởng phòng' },
        reminderPolicy: undefined,
        ...overrides,
      },
      district.admin,
    );

  const main = await campaign('chinh', {
    targetLevels: ['PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY'],
    targetClusters: ['I'],
  });
  const twoLevel = await campaign('hai-cap', {
    targetLevels: ['PRIMARY', 'LOWER_SECONDARY'],
    targetClusters: ['II'],
    approvalLevels: 2,
  });
  const meetingCampaign = await campaign('hoi-nghi', {
    targetLevels: ['PRESCHOOL'],
    targetClusters: ['I', 'II'],
    reviewMode: 'MEETING',
  });
  // Moves that end a plan or a campaign for good go to campaigns of their own: exemptions to one with a plan for
  // every school, closing and taking schools off to a small one.
  const exemptible = await campaign('mien', {
    targetLevels: ['PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY'],
    targetClusters: [],
  });
  const disposable = await campaign('dung-mot-lan', { targetLevels: ['PRIMARY'], targetClusters: ['II'] });

  // Only the columns this suite reads: the suite keeps working while the schema grows.
  const plans = await stack.prisma.plan.findMany({
    where: { districtId: district.id },
    select: {
      id: true,
      campaignId: true,
      school: { select: { code: true, level: true, cluster: { select: { code: true } } } },
    },
  });
  const planSchool = new Map<string, SchoolInfo>(
    plans.map((p) => [p.id, { code: p.school.code, level: p.school.level, cluster: p.school.cluster.code }]),
  );
  const planOf = (campaignId: string, code: string): string => {
    const plan = plans.find((p) => p.campaignId === campaignId && p.school.code === code);
    if (!plan) throw new Error(`fuzz world: no plan of ${code} in campaign ${campaignId}`);
    return plan.id;
  };
  const draft = async (planId: string) => {
    const { code } = planSchool.get(planId)!;
    expectOk(await put(principal(code), `/api/plans/${planId}/draft`, DRAFT), 200, `draft of ${code}`);
  };
  const submit = async (planId: string) => {
    await draft(planId);
    const { code } = planSchool.get(planId)!;
    expectOk(await post(principal(code), `/api/plans/${planId}/submit`), 200, `submission of ${code}`);
  };
  const reviewerOf = (planId: string) => deputy(planSchool.get(planId)!.level);
  const ownerPlan = new Map<string, string>();
  const parentOf = new Map<string, string>();

  // The desk campaign: a plan in each state.
  const drafting = planOf(main, 'mn-binh-minh');
  const submitted = planOf(main, 'th-thanh-tan');
  const underReview = planOf(main, 'th-binh-minh');
  const returned = planOf(main, 'thcs-thanh-tan');
  const approved = planOf(main, 'thcs-binh-minh');
  await draft(drafting);
  for (const id of [submitted, underReview, returned, approved]) await submit(id);
  expectOk(await post(reviewerOf(underReview), `/api/plans/${underReview}/start-review`), 200, 'start review');
  expectOk(
    await post(reviewerOf(returned), `/api/plans/${returned}/return`, { comment: 'Bổ sung giải pháp cụ thể.' }),
    200,
    'return',
  );
  expectOk(
    await post(reviewerOf(approved), `/api/plans/${approved}/approve`, { comment: 'Kế hoạch khả thi.' }),
    200,
    'approve',
  );

  const commentIds: string[] = [];
  for (const planId of [submitted, underReview, returned]) {
    const c = expectOk(
      await post(reviewerOf(planId), `/api/plans/${planId}/comments`, {
        anchorType: 'SECTION',
        anchorKey: 'tasks',
        body: 'Cần nêu rõ người phụ trách từng nhiệm vụ.',
      }),
      201,
      'comment',
    );
    commentIds.push(c.id as string);
    ownerPlan.set(c.id as string, planId);
  }
  const reply = expectOk(
    await post(
      principal(planSchool.get(underReview)!.code),
      `/api/plans/${underReview}/comments/${commentIds[1]}/replies`,
      {
        body: 'Nhà trường đã bổ sung.',
      },
    ),
    201,
    'reply',
  );
  commentIds.push(reply.id as string);
  ownerPlan.set(reply.id as string, underReview);

  const attachmentIds: string[] = [];
  for (const planId of [drafting, planOf(main, 'mn-thanh-tan')]) {
    const res = (await stack
      .http()
      .post(`/api/plans/${planId}/attachments`)
      .set(await auth(principal(planSchool.get(planId)!.code)))
      .attach('file', pdf(), 'ke-hoach.pdf')) as unknown as Res;
    const a = expectOk(res, 201, 'attachment');
    attachmentIds.push(a.id as string);
    ownerPlan.set(a.id as string, planId);
  }

  const extensionIds: string[] = [];
  for (const planId of [drafting, planOf(main, 'mn-thanh-tan'), planOf(twoLevel, 'th-quang-binh')]) {
    const e = expectOk(
      await post(principal(planSchool.get(planId)!.code), `/api/plans/${planId}/extension-requests`, {
        reason: 'Trường đang sửa chữa phòng học, cần thêm thời gian.',
        requestedUntil: FUTURE.later,
      }),
      201,
      'extension request',
    );
    extensionIds.push(e.id as string);
    ownerPlan.set(e.id as string, planId);
  }

  // Two-level approval: one plan submitted, one recommended by its specialist.
  await submit(planOf(twoLevel, 'th-hong-tien'));
  const recommended = planOf(twoLevel, 'thcs-hong-tien');
  await submit(recommended);
  expectOk(
    await post(specialist('II'), `/api/plans/${recommended}/recommend`, {
      recommendation: 'APPROVE',
      comment: 'Đề nghị phê duyệt.',
    }),
    200,
    'recommendation',
  );
  await draft(planOf(twoLevel, 'th-quang-binh'));

  // Review meetings: one per cluster; the cluster II one is the one hostile cancellations may cancel.
  await submit(planOf(meetingCampaign, 'mn-thanh-tan'));
  await submit(planOf(meetingCampaign, 'mn-hong-tien'));
  const meetingIds: Record<string, string> = {};
  for (const [cluster, date] of [
    ['I', FUTURE.meetingDay],
    ['II', FUTURE.otherMeetingDay],
  ]) {
    const m = expectOk(
      await post(district.admin, `/api/campaigns/${meetingCampaign}/meetings`, {
        cluster,
        date,
        startTime: '08:00',
        slotMinutes: 30,
        venue: 'Hội trường Phòng GD&ĐT',
      }),
      201,
      `meeting of cluster ${cluster}`,
    );
    meetingIds[cluster] = m.id as string;
  }
  const slotIds: string[] = [];
  const attendeeIds: string[] = [];
  for (const id of Object.values(meetingIds)) {
    const m = expectOk(await get(district.admin, `/api/meetings/${id}`), 200, 'meeting');
    for (const s of m.slots as { id: string; plan: { id: string } }[]) {
      slotIds.push(s.id);
      ownerPlan.set(s.id, s.plan.id);
      parentOf.set(s.id, id);
    }
    for (const a of m.attendees as { id: string }[]) attendeeIds.push(a.id);
  }

  const users = await stack.prisma.user.findMany({
    where: { districtId: district.id },
    select: { id: true, role: true },
  });
  const pools: Record<IdKind, string[]> = {
    plan: plans.filter((p) => p.campaignId !== disposable && p.campaignId !== exemptible).map((p) => p.id),
    disposablePlan: plans.filter((p) => p.campaignId === exemptible).map((p) => p.id),
    campaign: [main, twoLevel, meetingCampaign, exemptible],
    disposableCampaign: [disposable],
    meetingCampaign: [meetingCampaign],
    comment: commentIds,
    attachment: attachmentIds,
    extension: extensionIds,
    meeting: [meetingIds.I, meetingIds.II],
    disposableMeeting: [meetingIds.II],
    slot: slotIds,
    attendee: attendeeIds,
    reviewer: users.filter((u) => u.role === 'REVIEWER').map((u) => u.id),
    user: users.map((u) => u.id),
    schoolCode: SCHOOLS.map((s) => s.code),
    disposableSchoolCode: ['th-hong-tien', 'th-quang-binh'],
    versionNo: ['1', '1', '2'],
    calendarDate: ['2027-04-30', '2027-05-03', '2027-09-02', '2027-03-13', '2027-01-01'],
  };
  const realIds = new Set<string>(
    [pools.plan, pools.disposablePlan, pools.campaign, pools.disposableCampaign, pools.comment, pools.attachment]
      .concat([pools.extension, pools.meeting, pools.slot])
      .flat(),
  );

  const outsider = 'hieutruong.th-thanh-tan@kienxuong.example';
  const emailFor = (role: Role, planId?: string): string | undefined => {
    const school = (planId && planSchool.get(planId)) || SCHOOLS[2];
    const other = SCHOOLS.find((s) => s.code !== school.code && s.level === school.level) ?? SCHOOLS[0];
    switch (role) {
      case 'anonymous':
      case 'badToken':
        return undefined;
      case 'admin':
        return district.admin;
      case 'clerk':
        return district.clerk;
      case 'reviewer':
        return deputy(school.level);
      case 'specialist':
        return specialist(school.cluster);
      case 'otherReviewer':
        return district.person('chuyenvien3');
      case 'principal':
        return principal(school.code);
      case 'staff':
        return staff(school.code);
      case 'otherPrincipal':
        return principal(other.code);
      case 'outsider':
        return outsider;
    }
  };
  const emails = [
    district.admin,
    district.clerk,
    outsider,
    district.person('chuyenvien3'),
    ...['PRESCHOOL', 'PRIMARY'].map(deputy),
    ...['I', 'II'].map(specialist),
    ...SCHOOLS.flatMap((s) => [principal(s.code), staff(s.code)]),
  ];
  // Log everyone in before the run: a login is a bcrypt comparison, not what the fuzz suite measures.
  for (const email of emails) await stack.login(email);
  return {
    district,
    pools,
    realIds,
    planSchool,
    ownerPlan,
    parentOf: new Map([...ownerPlan].filter(([child]) => !slotIds.includes(child)).concat([...parentOf])),
    emails: { admin: district.admin, clerk: district.clerk, outsider, all: emails },
    emailFor,
    campaignIds: [main, twoLevel, meetingCampaign, exemptible, disposable],
    campaigns: { main, twoLevel, meeting: meetingCampaign, exemptible, disposable },
  };
}

/** The states in which a move of a plan is taken, and the campaigns whose plans may make it. */
export function planFor(op: string, world: World): { states: string[]; campaigns: string[] } | undefined {
  if (!op.includes(' /api/plans/{id}')) return undefined;
  const c = world.campaigns;
  const open = ['NOT_STARTED', 'DRAFTING', 'SUBMITTED', 'UNDER_REVIEW', 'RETURNED'];
  const desk = [c.main, c.exemptible];
  const rules: [RegExp, string[], string[]][] = [
    [/\/draft$/, ['NOT_STARTED', 'DRAFTING', 'RETURNED'], [c.main, c.twoLevel, c.meeting]],
    [/\/(approve|return)$/, ['SUBMITTED', 'UNDER_REVIEW'], desk],
    [/\/recommend$/, ['SUBMITTED', 'UNDER_REVIEW'], [c.twoLevel]],
    [/\/reopen$/, ['APPROVED'], desk],
    [/\/extension-requests$/, ['NOT_STARTED', 'DRAFTING', 'RETURNED'], [c.main, c.twoLevel]],
    [/\/exempt$/, open, [c.exemptible]],
    [/\/(reviewer|deadline)$/, open, [c.main, c.twoLevel, c.exemptible]],
    [/\/comments$/, ['SUBMITTED', 'UNDER_REVIEW', 'RETURNED'], [c.main, c.twoLevel]],
  ];
  const rule = rules.find(([pattern]) => pattern.test(op));
  return rule && { states: rule[1], campaigns: rule[2] };
}
