import { type PlanStandingView, dueText, nextStep } from './next-step';

// 10:00 UTC is 17:00 in Hà Nội: the deadline reads as the office writes it.
const at = '2026-12-25T10:00:00.000Z';
const schoolDue = (over: Partial<NonNullable<PlanStandingView['due']>> = {}): PlanStandingView['due'] => ({
  at,
  holder: 'SCHOOL',
  overdue: false,
  workingDaysLeft: 5,
  workingDaysOverdue: 0,
  ...over,
});

describe('the next thing to do on the home', () => {
  it('tells a principal to submit before the deadline in force, in Vietnam time', () => {
    const step = nextStep({ status: 'DRAFTING', openComments: 0, due: schoolDue() }, true);
    expect(step).toEqual({ text: 'Nộp trước 17:00 25/12/2026', late: false });
  });

  it('tells school staff to draft for the principal, who submits', () => {
    const step = nextStep({ status: 'NOT_STARTED', openComments: 0, due: schoolDue() }, false);
    expect(step.text).toBe('Soạn thảo để hiệu trưởng nộp trước 17:00 25/12/2026');
  });

  it('says a late plan is late', () => {
    const step = nextStep(
      { status: 'DRAFTING', openComments: 0, due: schoolDue({ overdue: true, workingDaysOverdue: 2 }) },
      true,
    );
    expect(step).toEqual({ text: 'Đã quá hạn 17:00 25/12/2026: nộp ngay', late: true });
  });

  it('counts the comments a returned plan has to answer', () => {
    expect(nextStep({ status: 'RETURNED', openComments: 3, due: schoolDue() }, true).text).toBe(
      'Trả lời 3 góp ý, nộp lại trước 17:00 25/12/2026',
    );
    expect(nextStep({ status: 'RETURNED', openComments: 0, due: null }, true).text).toBe('Chỉnh sửa và nộp lại');
  });

  it('waits for the office once submitted, and is done once approved', () => {
    const office = { at, holder: 'OFFICE' as const, overdue: false, workingDaysLeft: 3, workingDaysOverdue: 0 };
    expect(nextStep({ status: 'SUBMITTED', openComments: 0, due: office }, true).text).toBe(
      'Chờ Phòng GD&ĐT xét duyệt (còn rút lại được)',
    );
    expect(nextStep({ status: 'APPROVED', openComments: 0, due: null }, true)).toEqual({
      text: 'Đã phê duyệt',
      late: false,
    });
  });
});

describe('the deadline in force on the home', () => {
  it('counts working days left, the last day, and working days overdue', () => {
    expect(dueText(schoolDue())).toBe('còn 5 ngày làm việc');
    expect(dueText(schoolDue({ workingDaysLeft: 0 }))).toBe('hạn chót là hôm nay');
    expect(dueText(schoolDue({ overdue: true, workingDaysOverdue: 3 }))).toBe('quá hạn 3 ngày làm việc');
  });

  it("names the office's answer date while the office holds the plan", () => {
    expect(dueText({ at, holder: 'OFFICE', overdue: false, workingDaysLeft: 1, workingDaysOverdue: 0 })).toBe(
      'Phòng trả lời trước 17:00 25/12/2026',
    );
    expect(dueText(null)).toBe('Không còn hạn');
  });
});
