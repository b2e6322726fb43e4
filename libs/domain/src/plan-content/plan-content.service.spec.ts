import type { PrismaService, Tx } from '@duyet/database';
import { PlanContentService } from './plan-content.service';

// Only the database crosses a process boundary; these fakes stand in for the few calls the service makes.
const decimal = (n: number) => ({ toNumber: () => n });

const planRow = {
  districtId: 'd1',
  draft: {
    sections: { purpose: 'Nâng cao chất lượng.' },
    indicators: { TH_COMPLETION: { baseline: 98, target: 98.5 } },
  },
  draftUpdatedAt: new Date('2022-01-20T03:00:00Z'),
  school: { level: 'PRIMARY' },
  campaign: {
    sections: [
      { key: 'purpose', title: 'Mục đích, yêu cầu', required: true },
      { key: 'tasks', title: 'Nội dung, nhiệm vụ và giải pháp', required: true },
    ],
    requiredIndicators: ['TH_COMPLETION', 'MN_ENROL_AGE5'],
    targets: [],
  },
};

const indicatorRows = [
  {
    code: 'MN_ENROL_AGE5',
    label: 'Tỷ lệ trẻ 5 tuổi ra lớp',
    unit: '%',
    level: 'PRESCHOOL',
    direction: 'HIGHER',
    targetMin: decimal(100),
    targetMax: null,
  },
  {
    code: 'TH_COMPLETION',
    label: 'Tỷ lệ HS hoàn thành chương trình lớp học',
    unit: '%',
    level: 'PRIMARY',
    direction: 'HIGHER',
    targetMin: decimal(99),
    targetMax: null,
  },
];

function fakeDb(plan: unknown = planRow) {
  return {
    plan: { findUnique: jest.fn().mockResolvedValue(plan) },
    indicator: { findMany: jest.fn().mockResolvedValue(indicatorRows) },
    planVersion: { findUnique: jest.fn() },
    attachment: { findMany: jest.fn().mockResolvedValue([]) },
    sectionTemplate: { findMany: jest.fn().mockResolvedValue([]) },
  };
}

describe('PlanContentService', () => {
  it('validates the draft with the client it is given, so a submit transaction sees its own reads', async () => {
    const own = fakeDb();
    const tx = fakeDb();
    const service = new PlanContentService(own as unknown as PrismaService);

    const result = await service.validatePlan(tx as unknown as Tx, 'p1');

    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => e.field)).toEqual(['sections.tasks']);
    expect(result.warnings).toEqual([
      {
        field: 'indicators.TH_COMPLETION.target',
        code: 'BELOW_DISTRICT_TARGET',
        message:
          'Chỉ tiêu "Tỷ lệ HS hoàn thành chương trình lớp học": mục tiêu của trường (98,5%) thấp hơn mức tối thiểu của huyện (99%).',
      },
    ]);
    expect(tx.plan.findUnique).toHaveBeenCalledWith(expect.objectContaining({ where: { id: 'p1' } }));
    expect(tx.indicator.findMany).toHaveBeenCalledWith(expect.objectContaining({ where: { districtId: 'd1' } }));
    expect(own.plan.findUnique).not.toHaveBeenCalled();
    expect(own.indicator.findMany).not.toHaveBeenCalled();
  });

  it('validates the content given instead of the stored draft', async () => {
    const db = fakeDb();
    const service = new PlanContentService(db as unknown as PrismaService);
    const result = await service.validatePlan(db as unknown as Tx, 'p1', {
      sections: { purpose: 'a', tasks: 'b' },
      indicators: { TH_COMPLETION: { target: 99.5 } },
    });
    expect(result).toEqual({ ok: true, errors: [], warnings: [] });
  });

  it('reads a plan never drafted ({}) as empty content', async () => {
    const db = fakeDb({ ...planRow, draft: {} });
    const result = await new PlanContentService(db as unknown as PrismaService).validateDraft('p1');
    expect(result.errors.map((e) => e.code)).toEqual(['SECTION_REQUIRED', 'SECTION_REQUIRED', 'INDICATOR_REQUIRED']);
  });

  it('answers NOT_FOUND for a plan or a version that does not exist', async () => {
    const missingPlan = new PlanContentService(fakeDb(null) as unknown as PrismaService);
    await expect(missingPlan.validateDraft('p1')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Không tìm thấy kế hoạch.',
    });
    const db = fakeDb();
    db.planVersion.findUnique.mockResolvedValue(null);
    const service = new PlanContentService(db as unknown as PrismaService);
    await expect(service.diff('p1', 3, 'draft')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Kế hoạch chưa có lần nộp thứ 3.',
    });
    expect(db.planVersion.findUnique).toHaveBeenCalledWith({ where: { planId_number: { planId: 'p1', number: 3 } } });
  });
});
