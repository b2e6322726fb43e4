import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import {
  type CampaignFormValues,
  type CampaignSource,
  DEFAULT_RUNGS,
  formField,
  fromCampaign,
  ladderOf,
  rungKey,
  schoolCounts,
  toCampaignInput,
} from './campaign-form';

dayjs.extend(utc);
dayjs.extend(timezone);

const d = (s: string) => dayjs(s, 'YYYY-MM-DD');

const values: CampaignFormValues = {
  key: ' nam-2027 ',
  documentNumber: '12/KH-PGDĐT',
  issuedOn: d('2026-12-10'),
  title: 'Kế hoạch năm học 2027',
  legalBases: ['Quyết định số 1/QĐ-UBND', '  ', ''],
  signer: 'truongphong@kienxuong.example',
  signerTitle: '  ',
  periodFrom: d('2027-01-01'),
  periodTo: d('2027-12-31'),
  phases: [{ name: 'Giai đoạn 1', from: d('2027-01-01'), to: d('2027-06-30') }],
  targetLevels: ['PRIMARY'],
  targetClusters: ['I'],
  requiredSections: ['purpose'],
  requiredIndicators: ['SWIM_CERT'],
  // A target the form still holds for an indicator unticked since is not sent.
  targets: { SWIM_CERT: { min: 20, max: null }, STAFF_QUALIFIED: { min: 90 } },
  deadlineDay: d('2027-02-10'),
  deadlineTime: '17:00',
  paperCopies: 2,
  receiver: undefined,
  distribution: ' Như trên;\n  \nLưu: VT, GDTH.',
  reviewMode: 'MEETING',
  approvalLevels: 2,
  reviewDays: 5,
  revisionDays: 7,
  rungs: [
    { offset: -2, to: ['PRINCIPAL'], cc: [] },
    { offset: 0, to: ['PRINCIPAL'], cc: ['REVIEWER'] },
  ],
  digestOn: false,
  digestStart: 3,
  digestEvery: 7,
};

describe('the issuing form', () => {
  it('becomes the API input: trimmed, days as YYYY-MM-DD, the deadline in Vietnam, the ladder keyed by offset', () => {
    const input = toCampaignInput(values, undefined, { REVIEW: { rungs: [] } });
    expect(input).toEqual({
      key: 'nam-2027',
      documentNumber: '12/KH-PGDĐT',
      title: 'Kế hoạch năm học 2027',
      legalBases: ['Quyết định số 1/QĐ-UBND'],
      issuedOn: '2026-12-10',
      period: { from: '2027-01-01', to: '2027-12-31' },
      phases: [{ name: 'Giai đoạn 1', from: '2027-01-01', to: '2027-06-30' }],
      targetLevels: ['PRIMARY'],
      targetClusters: ['I'],
      requiredSections: ['purpose'],
      requiredIndicators: ['SWIM_CERT'],
      targets: { SWIM_CERT: { min: 20, max: null } },
      submissionDeadline: '2027-02-10T17:00:00+07:00',
      paperCopies: 2,
      receiver: undefined,
      distribution: ['Như trên;', 'Lưu: VT, GDTH.'],
      reviewMode: 'MEETING',
      approvalLevels: 2,
      reviewDays: 5,
      revisionDays: 7,
      reminderPolicy: {
        REVIEW: { rungs: [] },
        SUBMISSION: {
          rungs: [
            { key: 'before-2', offset: -2, to: ['PRINCIPAL'], cc: [] },
            { key: 'due', offset: 0, to: ['PRINCIPAL'], cc: ['REVIEWER'] },
          ],
          digest: null,
        },
      },
      signer: { email: 'truongphong@kienxuong.example', title: undefined },
    });
    expect(toCampaignInput(values, 'abc').copiedFromId).toBe('abc');
    // A report says so; a plan sends no kind (the API's default).
    expect(toCampaignInput({ ...values, kind: 'REPORT' }).kind).toBe('REPORT');
    expect('kind' in toCampaignInput({ ...values, kind: 'PLAN' })).toBe(false);
  });

  it('names rungs the way the API does and keeps a digest only when asked', () => {
    expect([-7, 0, 3].map(rungKey)).toEqual(['before-7', 'due', 'after-3']);
    expect(ladderOf({ ...values, digestOn: true }).digest).toEqual({ startAfter: 3, everyDays: 7, to: ['ADMIN'] });
  });

  const source: CampaignSource = {
    id: 'c1',
    documentNumber: '455/KH-UBND',
    title: 'Kế hoạch năm 2026',
    legalBases: ['Nghị quyết số 87/NQ-HĐND'],
    issuedOn: '2025-12-30',
    period: { from: '2026-01-01', to: '2026-12-31' },
    phases: [{ name: 'Học kỳ I', from: '2026-01-01', to: '2026-05-31' }],
    targetLevels: ['PRESCHOOL', 'PRIMARY'],
    targetClusters: [],
    sections: [
      { key: 'purpose', title: 'Mục đích', required: true },
      { key: 'tasks', title: 'Nhiệm vụ', required: true },
    ],
    requiredIndicators: ['SWIM_CERT'],
    targets: { SWIM_CERT: { min: 18, max: null } },
    // 17:00 on 28/1/2026 in Vietnam
    submissionDeadline: '2026-01-28T10:00:00.000Z',
    paperCopies: 2,
    reviewMode: 'DESK',
    approvalLevels: 1,
    reviewDays: 5,
    revisionDays: 5,
    reminderPolicy: {},
    signerTitle: 'KT. TRƯỞNG PHÒNG',
    signer: { email: 'pho@x.example', fullName: 'Phó Trưởng phòng' },
    receiver: { email: 'vanthu@x.example', fullName: 'Văn thư' },
    distribution: ['Như trên;', 'Lưu: VT.'],
  };

  it('copies last year: every date a year on, the deadline keeping its hour, new key and number left empty', () => {
    const v = fromCampaign(source);
    expect(v.key).toBe('');
    expect(v.documentNumber).toBe('');
    expect(v.issuedOn?.format('YYYY-MM-DD')).toBe('2026-12-30');
    expect([v.periodFrom, v.periodTo].map((x) => x?.format('YYYY-MM-DD'))).toEqual(['2027-01-01', '2027-12-31']);
    expect(v.phases?.map((p) => [p.name, p.from.format('YYYY-MM-DD'), p.to.format('YYYY-MM-DD')])).toEqual([
      ['Học kỳ I', '2027-01-01', '2027-05-31'],
    ]);
    expect(v.deadlineDay?.format('YYYY-MM-DD')).toBe('2027-01-28');
    expect(v.deadlineTime).toBe('17:00');
    expect(v.requiredSections).toEqual(['purpose', 'tasks']);
    expect(v.targets).toEqual({ SWIM_CERT: { min: 18, max: null } });
    expect(v.distribution).toBe('Như trên;\nLưu: VT.');
    expect([v.signer, v.signerTitle, v.receiver]).toEqual(['pho@x.example', 'KT. TRƯỞNG PHÒNG', 'vanthu@x.example']);
    // A source that kept the default ladder gives the default ladder.
    expect(v.rungs).toEqual(DEFAULT_RUNGS);
    expect(v.digestOn).toBe(true);
  });

  it("copies the source's own ladder, digest off when it had none", () => {
    const v = fromCampaign({
      ...source,
      reminderPolicy: {
        SUBMISSION: { rungs: [{ key: 'before-5', offset: -5, to: ['PRINCIPAL'], cc: [] }], digest: null },
      },
    });
    expect(v.rungs).toEqual([{ offset: -5, to: ['PRINCIPAL'], cc: [] }]);
    expect(v.digestOn).toBe(false);
  });

  it('counts the open schools each choice selects, no cluster meaning every cluster', () => {
    const schools = [
      { level: 'PRIMARY', cluster: { code: 'I' } },
      { level: 'PRIMARY', cluster: { code: 'II' } },
      { level: 'PRESCHOOL', cluster: { code: 'I' } },
      { level: 'PRIMARY', cluster: { code: 'I' }, closedAt: '2026-01-01T00:00:00Z' },
    ];
    expect(schoolCounts(schools, ['PRIMARY'], [])).toEqual({
      byLevel: { PRIMARY: 2, PRESCHOOL: 1 },
      byCluster: { I: 1, II: 1 },
      total: 2,
    });
    expect(schoolCounts(schools, ['PRIMARY', 'PRESCHOOL'], ['I']).total).toBe(2);
    expect(schoolCounts(schools, [], []).total).toBe(0);
  });

  it("puts the API's field errors on the form's fields and steps", () => {
    expect(formField('key')).toEqual({ name: ['key'], step: 0 });
    expect(formField('signer.email')).toEqual({ name: ['signer'], step: 0 });
    expect(formField('targets.HSG_CITY_PRIZES.max')).toEqual({ name: ['targets', 'HSG_CITY_PRIZES', 'max'], step: 3 });
    expect(formField('legalBases.1')).toEqual({ name: ['legalBases'], step: 0 });
    expect(formField('distribution.1')).toEqual({ name: ['distribution'], step: 4 });
    expect(formField('period.to')).toEqual({ name: ['periodTo'], step: 1 });
    expect(formField('phases.0.name')).toEqual({ name: ['phases', 0, 'name'], step: 1 });
    expect(formField('targetClusters')).toEqual({ name: ['targetClusters'], step: 2 });
    expect(formField('requiredIndicators')).toEqual({ name: ['requiredIndicators'], step: 3 });
    expect(formField('submissionDeadline')).toEqual({ name: ['deadlineDay'], step: 4 });
    expect(formField('reminderPolicy.SUBMISSION.rungs.1.to')).toEqual({ name: ['rungs', 1, 'to'], step: 5 });
    expect(formField('reminderPolicy.SUBMISSION.rungs.1.key')).toEqual({ name: ['rungs'], step: 5 });
    expect(formField('reminderPolicy.SUBMISSION.digest.everyDays')).toEqual({ name: ['digestStart'], step: 5 });
    expect(formField('Idempotency-Key')).toBeNull();
  });
});
