// Targets per directive, roll-up kinds and the consolidation (issue 19): the figures of the sample district computed
// again here, from the drafts the test wrote and the schools' pupil and class counts, and compared with the route's.
import { ADMIN, CLERK, bearer, campaignBody, principal } from '../support/campaign';
import { type Stack, eventually, startStack } from '../support/stack';

const SPECIALIST_I = 'chuyenvien1@kienxuong.example';

type Level = 'PRESCHOOL' | 'PRIMARY' | 'LOWER_SECONDARY';
interface Figure {
  target: number;
  targetMax?: number;
}
interface SchoolRow {
  id: string;
  code: string;
  name: string;
  level: Level;
  students: number | null;
  classes: number | null;
  cluster: { code: string };
}

const REQUIRED = ['HSG_DISTRICT_RATE', 'STAFF_PARTY_RATE', 'HSG_CITY_PRIZES', 'THCS_ACADEMIC_WEAK'];
const SECTIONS = { purpose: 'Nâng cao chất lượng giáo dục toàn diện, bồi dưỡng học sinh giỏi.' };

/** The school's figures, varied by its position so that some fall below the directive's targets. */
function figuresOf(k: number, level: Level): Record<string, Figure> {
  const f: Record<string, Figure> = {
    HSG_DISTRICT_RATE: k % 7 === 0 ? { target: 10 + (k % 6), targetMax: 16 } : { target: 10 + (k % 6) },
    STAFF_PARTY_RATE: { target: 64 + (k % 9) },
  };
  if (level === 'LOWER_SECONDARY') {
    f.HSG_CITY_PRIZES = { target: 2 + (k % 5) };
    f.THCS_ACADEMIC_WEAK = k % 3 === 0 ? { target: 2, targetMax: 4 } : { target: 2.5 + (k % 4) * 0.3 };
  }
  return f;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

describe('consolidation of a campaign', () => {
  let stack: Stack;
  let campaignId: string;
  let schools: SchoolRow[];
  /** what each approved school's approved version says */
  const approved = new Map<string, Record<string, Figure>>();
  /** the school that submitted and waits: sent in, not approved */
  let waiting: SchoolRow;

  const http = () => stack.http();
  const planOf = async (schoolId: string) =>
    (await stack.prisma.plan.findFirstOrThrow({ where: { campaignId, schoolId } })).id;

  async function submit(school: SchoolRow, figures: Record<string, Figure>): Promise<string> {
    const planId = await planOf(school.id);
    const auth = await bearer(stack, principal(school.code));
    const draft = await http()
      .put(`/api/plans/${planId}/draft`)
      .set(auth)
      .send({ sections: SECTIONS, indicators: figures });
    expect(draft.status).toBe(200);
    const res = await http().post(`/api/plans/${planId}/submit`).set(auth);
    expect(res.status).toBe(200);
    return planId;
  }

  beforeAll(async () => {
    stack = await startStack();
    const res = await http()
      .post('/api/campaigns')
      .set(await bearer(stack, ADMIN))
      .send(
        campaignBody({
          key: 'consol-tong-hop-2027',
          documentNumber: '19/KH-CONSOL',
          targetLevels: ['PRIMARY', 'LOWER_SECONDARY'],
          targetClusters: ['I', 'II'],
          requiredSections: ['purpose'],
          requiredIndicators: REQUIRED,
          // The directive's own party-member rate; the others take the catalogue's (12 - 15%, 40 - 60 prizes, ≤ 3.2%).
          targets: { STAFF_PARTY_RATE: { min: 70 } },
        }),
      );
    expect(res.status).toBe(201);
    campaignId = res.body.id;
    await eventually(
      async () =>
        (await stack.prisma.campaign.findUniqueOrThrow({ where: { id: campaignId } })).plansOpenedAt ?? undefined,
      30_000,
      'the campaign workflow to open every plan',
    );
    const plans = await stack.prisma.plan.findMany({
      where: { campaignId },
      include: { school: { include: { cluster: { select: { code: true } } } } },
    });
    schools = plans.map((p) => p.school as SchoolRow).sort((a, b) => a.code.localeCompare(b.code));
    expect(schools).toHaveLength(20);

    // The first three schools of each level and cluster are approved; one more is submitted and waits, with figures
    // far off that must not count; the rest have not submitted.
    const groups = new Map<string, SchoolRow[]>();
    for (const s of schools)
      groups.set(`${s.level}/${s.cluster.code}`, [...(groups.get(`${s.level}/${s.cluster.code}`) ?? []), s]);
    const toApprove = [...groups.values()].flatMap((g) => g.slice(0, 3));
    const admin = await bearer(stack, ADMIN);
    await Promise.all(
      toApprove.map(async (s) => {
        const figures = figuresOf(schools.indexOf(s), s.level);
        const planId = await submit(s, figures);
        const res = await http().post(`/api/plans/${planId}/approve`).set(admin).send({ comment: 'Đồng ý.' });
        expect(res.status).toBe(200);
        approved.set(s.id, figures);
      }),
    );
    waiting = [...groups.values()][0][3];
    await submit(waiting, { HSG_DISTRICT_RATE: { target: 1 }, STAFF_PARTY_RATE: { target: 1 } });
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  const directive = { HSG_DISTRICT_RATE: { min: 12, max: 15 }, STAFF_PARTY_RATE: { min: 70, max: null } };

  /** The figures of one group computed here: the approved schools of the group the indicator applies to. */
  function expected(code: string, inGroup: (s: SchoolRow) => boolean, weightOf: (s: SchoolRow) => number | null) {
    const lowerIsBetter = code === 'THCS_ACADEMIC_WEAK';
    const applies = (s: SchoolRow) =>
      code === 'HSG_CITY_PRIZES' || code === 'THCS_ACADEMIC_WEAK' ? s.level === 'LOWER_SECONDARY' : true;
    const members = schools.filter((s) => inGroup(s) && applies(s));
    const withFigure = members.flatMap((s) => {
      const f = approved.get(s.id)?.[code];
      if (!f) return [];
      return [{ s, x: lowerIsBetter ? (f.targetMax ?? f.target) : f.target }];
    });
    const xs = withFigure.map((w) => w.x);
    const weighted = withFigure.filter((w) => weightOf(w.s) !== null);
    const sumW = weighted.reduce((a, w) => a + weightOf(w.s)!, 0);
    return {
      plans: members.length,
      approved: members.filter((s) => approved.has(s.id)).length,
      withTarget: xs.length,
      min: Math.min(...xs),
      max: Math.max(...xs),
      median: median(xs),
      sum: xs.reduce((a, b) => a + b, 0),
      mean: weighted.reduce((a, w) => a + w.x * weightOf(w.s)!, 0) / sumW,
      withFigure,
    };
  }

  it('rolls up a pupil-weighted rate with a range target (12 - 15%) for the district, each level and each cluster', async () => {
    const res = await http()
      .get(`/api/campaigns/${campaignId}/consolidation`)
      .set(await bearer(stack, ADMIN));
    expect(res.status).toBe(200);
    expect(res.body.plans).toEqual({ total: 20, submitted: 13, approved: 12, notApproved: 8 });
    expect(res.body.indicators.map((i: { code: string }) => i.code)).toEqual(REQUIRED);
    const rate = res.body.indicators.find((i: { code: string }) => i.code === 'HSG_DISTRICT_RATE');
    expect(rate).toMatchObject({ rollup: 'RATE', weight: 'PUPILS', target: directive.HSG_DISTRICT_RATE });
    const pupils = (s: SchoolRow) => s.students;
    const check = (row: Record<string, unknown>, e: ReturnType<typeof expected>) => {
      expect(row).toMatchObject({
        plans: e.plans,
        approved: e.approved,
        notApproved: e.plans - e.approved,
        withTarget: e.withTarget,
        min: e.min,
        max: e.max,
        median: e.median,
        results: [], // no phase opened: no results, and none computed
      });
      expect(row.value).toBeCloseTo(e.mean, 3);
      expect(row.meets).toBe(e.mean >= 12);
      expect(row.below).toBe(e.withFigure.filter((w) => w.x < 12).length);
    };
    const all = expected('HSG_DISTRICT_RATE', () => true, pupils);
    check(rate.district, all);
    // The waiting school's 1% would pull the minimum down: a version not yet approved does not count.
    expect(rate.district.min).toBeGreaterThanOrEqual(10);
    expect(rate.levels.map((l: { level: string }) => l.level)).toEqual(['PRIMARY', 'LOWER_SECONDARY']);
    for (const row of rate.levels)
      check(
        row,
        expected('HSG_DISTRICT_RATE', (s) => s.level === row.level, pupils),
      );
    expect(rate.clusters.map((c: { cluster: { code: string } }) => c.cluster.code)).toEqual(['I', 'II']);
    for (const row of rate.clusters) {
      check(
        row,
        expected('HSG_DISTRICT_RATE', (s) => s.cluster.code === row.cluster.code, pupils),
      );
    }
    // Below the floor of the range: the approved schools whose own target is under 12%, the furthest first.
    const below = all.withFigure.filter((w) => w.x < 12).sort((a, b) => a.x - b.x);
    expect(below.length).toBeGreaterThan(0);
    expect(rate.schoolsBelow.total).toBe(below.length);
    expect(rate.schoolsBelow.schools.map((b: { figure: number }) => b.figure)).toEqual(below.map((w) => w.x));
    expect(new Set(rate.schoolsBelow.schools.map((b: { code: string }) => b.code))).toEqual(
      new Set(below.map((w) => w.s.code)),
    );
  });

  it("compares a rate with the directive's own target, not the catalogue's, and averages it plainly", async () => {
    const res = await http()
      .get(`/api/campaigns/${campaignId}/consolidation`)
      .set(await bearer(stack, ADMIN));
    const party = res.body.indicators.find((i: { code: string }) => i.code === 'STAFF_PARTY_RATE');
    expect(party).toMatchObject({ weight: 'NONE', target: { min: 70, max: null } });
    const e = expected(
      'STAFF_PARTY_RATE',
      () => true,
      () => 1,
    );
    expect(party.district.value).toBeCloseTo(e.mean, 3);
    expect(party.district.median).toBe(e.median);
    // 65 - 69% meets the catalogue's 65% but not this directive's 70%.
    expect(party.district.below).toBe(e.withFigure.filter((w) => w.x < 70).length);
    expect(party.district.below).toBeGreaterThan(e.withFigure.filter((w) => w.x < 65).length);
    expect(party.district.meets).toBe(e.mean >= 70);
  });

  it('sums a count and compares it only as the district total (40 - 60 city-level prizes)', async () => {
    const res = await http()
      .get(`/api/campaigns/${campaignId}/consolidation`)
      .set(await bearer(stack, ADMIN));
    const prizes = res.body.indicators.find((i: { code: string }) => i.code === 'HSG_CITY_PRIZES');
    expect(prizes).toMatchObject({ rollup: 'COUNT', target: { min: 40, max: 60 } });
    const e = expected(
      'HSG_CITY_PRIZES',
      () => true,
      () => 1,
    );
    expect(prizes.district).toMatchObject({
      plans: 10,
      approved: 6,
      withTarget: 6,
      value: e.sum,
      min: e.min,
      max: e.max,
      median: e.median,
      below: null,
      meets: e.sum >= 40,
    });
    expect(e.sum).toBeLessThan(40);
    expect(prizes.schoolsBelow).toEqual({ total: 0, schools: [] });
    // Per cluster: the sum, never compared with the district's target.
    for (const row of prizes.clusters) {
      const c = expected(
        'HSG_CITY_PRIZES',
        (s) => s.cluster.code === row.cluster.code,
        () => 1,
      );
      expect(row).toMatchObject({ value: c.sum, meets: null, below: null });
    }
    expect(prizes.levels).toEqual([expect.objectContaining({ level: 'LOWER_SECONDARY', value: e.sum, meets: null })]);
  });

  it('takes the ceiling of a range for a lower-is-better rate (Yếu, Kém ≤ 3.2%)', async () => {
    const res = await http()
      .get(`/api/campaigns/${campaignId}/consolidation`)
      .set(await bearer(stack, ADMIN));
    const weak = res.body.indicators.find((i: { code: string }) => i.code === 'THCS_ACADEMIC_WEAK');
    const e = expected(
      'THCS_ACADEMIC_WEAK',
      () => true,
      (s) => s.students,
    );
    expect(weak.district).toMatchObject({ withTarget: 6, min: e.min, max: e.max, median: e.median });
    expect(weak.district.value).toBeCloseTo(e.mean, 3);
    expect(weak.district.below).toBe(e.withFigure.filter((w) => w.x > 3.2).length);
    expect(weak.district.meets).toBe(e.mean <= 3.2);
  });

  it('limits a reviewer to their clusters and refuses a principal and the clerk', async () => {
    const res = await http()
      .get(`/api/campaigns/${campaignId}/consolidation`)
      .set(await bearer(stack, SPECIALIST_I));
    expect(res.status).toBe(200);
    expect(res.body.scope).toEqual({ levels: [], clusters: ['I'] });
    expect(res.body.plans).toEqual({
      total: 10,
      submitted: 6 + (waiting.cluster.code === 'I' ? 1 : 0),
      approved: 6,
      notApproved: 4,
    });
    const rate = res.body.indicators.find((i: { code: string }) => i.code === 'HSG_DISTRICT_RATE');
    const e = expected(
      'HSG_DISTRICT_RATE',
      (s) => s.cluster.code === 'I',
      (s) => s.students,
    );
    expect(rate.district.plans).toBe(10);
    expect(rate.district.value).toBeCloseTo(e.mean, 3);
    expect(rate.clusters.map((c: { cluster: { code: string } }) => c.cluster.code)).toEqual(['I']);
    expect(rate.schoolsBelow.schools.every((b: { cluster: string }) => b.cluster === 'I')).toBe(true);

    for (const email of [principal(schools[0].code), CLERK]) {
      const refused = await http()
        .get(`/api/campaigns/${campaignId}/consolidation`)
        .set(await bearer(stack, email));
      expect(refused.status).toBe(403);
      expect(refused.body.message).toMatch(
        email === CLERK ? /^Văn thư nhận biên nhận/ : /^Vai trò của bạn không được phép thực hiện thao tác này\.$/,
      );
    }
  });

  it("lets the province's reader (Sở GD&ĐT) read the whole district's consolidation", async () => {
    const res = await http()
      .get(`/api/campaigns/${campaignId}/consolidation`)
      .set(await bearer(stack, 'so.gddt@thaibinh.example'));
    expect(res.status).toBe(200);
    expect(res.body.scope).toBeNull();
    expect(res.body.plans).toEqual({ total: 20, submitted: 13, approved: 12, notApproved: 8 });
  });

  it('warns a school below the directive’s rate target, never for a count', async () => {
    const waiting = schools.find((s) => s.level === 'LOWER_SECONDARY' && !approved.has(s.id))!;
    const planId = await planOf(waiting.id);
    const auth = await bearer(stack, principal(waiting.code));
    const indicators = {
      HSG_DISTRICT_RATE: { target: 13 },
      STAFF_PARTY_RATE: { target: 68 },
      HSG_CITY_PRIZES: { target: 2 },
      THCS_ACADEMIC_WEAK: { target: 3 },
    };
    expect(
      (await http().put(`/api/plans/${planId}/draft`).set(auth).send({ sections: SECTIONS, indicators })).status,
    ).toBe(200);
    const res = await http().get(`/api/plans/${planId}/validation`).set(auth);
    expect(res.status).toBe(200);
    expect(res.body.warnings).toEqual([
      expect.objectContaining({
        field: 'indicators.STAFF_PARTY_RATE.target',
        code: 'BELOW_DISTRICT_TARGET',
        message: expect.stringContaining('(70%)'),
      }),
    ]);
    // The editor's frame shows the directive's target beside the school's.
    const form = await http().get(`/api/plans/${planId}/form`).set(auth);
    const party = form.body.indicators.find((i: { code: string }) => i.code === 'STAFF_PARTY_RATE');
    expect(party).toMatchObject({ targetMin: 70, rollup: 'RATE' });
    expect(form.body.indicators.find((i: { code: string }) => i.code === 'HSG_CITY_PRIZES')).toMatchObject({
      rollup: 'COUNT',
      targetMin: 40,
      targetMax: 60,
    });
  });
});

describe('targets when issuing a campaign', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });
  const issue = async (key: string, targets: unknown, requiredIndicators = ['HSG_DISTRICT_RATE', 'MN_ENROL_KINDER']) =>
    stack
      .http()
      .post('/api/campaigns')
      .set(await bearer(stack, ADMIN))
      .send(
        campaignBody({
          key,
          documentNumber: `${key}/KH`,
          targetLevels: ['PRESCHOOL'],
          targetClusters: ['IV'],
          requiredIndicators,
          targets,
        }),
      );

  it('copies the catalogue’s targets unless the request gives others', async () => {
    const res = await issue('consol-muc-rieng', { MN_ENROL_KINDER: { min: 98 } });
    expect(res.status).toBe(201);
    expect(res.body.targets).toEqual({
      MN_ENROL_KINDER: { min: 98, max: null },
      HSG_DISTRICT_RATE: { min: 12, max: 15 },
    });
    const rows = await stack.prisma.campaignTarget.findMany({ where: { campaignId: res.body.id } });
    expect(
      rows.map((r) => [r.indicatorCode, r.targetMin?.toNumber() ?? null, r.targetMax?.toNumber() ?? null]).sort(),
    ).toEqual([
      ['HSG_DISTRICT_RATE', 12, 15],
      ['MN_ENROL_KINDER', 98, null],
    ]);
  });

  it('refuses a maximum below the minimum, a target of an indicator not required, and a rate over 100%', async () => {
    const inverted = await issue('consol-sai-1', { HSG_DISTRICT_RATE: { min: 15, max: 12 } });
    expect(inverted.status).toBe(400);
    expect(inverted.body.errors).toEqual([
      { field: 'targets.HSG_DISTRICT_RATE.max', message: 'Mức tối đa phải lớn hơn hoặc bằng mức tối thiểu' },
    ]);
    const notRequired = await issue('consol-sai-2', { STAFF_QUALIFIED: { min: 90 } });
    expect(notRequired.status).toBe(400);
    expect(notRequired.body.errors).toEqual([
      {
        field: 'targets.STAFF_QUALIFIED',
        message: expect.stringContaining('không nằm trong các chỉ tiêu bắt buộc của đợt'),
      },
    ]);
    const over = await issue('consol-sai-3', { MN_ENROL_KINDER: { min: 120 } });
    expect(over.status).toBe(400);
    expect(over.body.errors).toEqual([
      { field: 'targets.MN_ENROL_KINDER.min', message: expect.stringContaining('vượt quá 100%') },
    ]);
    expect(await stack.prisma.campaign.count({ where: { key: { startsWith: 'consol-sai-' } } })).toBe(0);
  });
});
