import { useEffect } from 'react';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import type { DatePickerProps, FormInstance } from 'antd';
import { pickerLocale } from '../../common/picker-locale';
import { type CampaignFormValues, schoolCounts } from '../campaign-form';
import { useCatalogue, useClusters, useOfficePeople, useOpenSchools } from '../queries';
import { campaignStrings as s } from '../strings';
import { phaseStrings } from '../../phases/strings';
import { targetText } from './targets';

const KEY = /^[a-z0-9][a-z0-9-]{1,62}$/;
const required = { required: true, message: s.required };
/**
 * At least one box of a group ticked. Not `required`: Ant Design would put aria-required on the group, which a
 * group may not carry (axe: aria-allowed-attr).
 */
export const chooseOne = {
  validator: async (_: unknown, value: unknown[] | undefined) => {
    if (!value?.length) throw new Error(s.required);
  },
};

function DayPicker(props: DatePickerProps) {
  return (
    <DatePicker {...props} format="DD/MM/YYYY" locale={pickerLocale} placeholder={s.pickDate} className="field-full" />
  );
}

/** Số/ký hiệu, ngày ban hành, trích yếu, căn cứ, người ký. */
export function DocumentStep() {
  const people = useOfficePeople();
  const signers = (people.data ?? []).filter((u) => u.position !== 'CLERK');
  return (
    <>
      <Form.Item name="kind" initialValue="PLAN" label={<span id="kind-label">{phaseStrings.kind}</span>}>
        <Radio.Group
          role="radiogroup"
          aria-labelledby="kind-label"
          options={[
            { value: 'PLAN', label: phaseStrings.kindPlan },
            { value: 'REPORT', label: phaseStrings.kindReport },
          ]}
        />
      </Form.Item>
      <div className="form-row">
        <Form.Item name="documentNumber" label={s.documentNumber} extra={s.documentNumberHelp} rules={[required]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="issuedOn" label={s.issuedOn} rules={[required]}>
          <DayPicker />
        </Form.Item>
        <Form.Item name="key" label={s.key} extra={s.keyHelp} rules={[required, { pattern: KEY, message: s.keyHelp }]}>
          <Input maxLength={63} />
        </Form.Item>
      </div>
      <Form.Item name="title" label={s.title} rules={[required, { min: 5, message: s.required }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
      </Form.Item>
      <Form.List name="legalBases">
        {(fields, { add, remove }) => (
          <fieldset className="plain-fieldset">
            <legend>{s.legalBases}</legend>
            {fields.map((field, i) => (
              <div key={field.key} className="list-row">
                <Form.Item name={field.name} label={s.legalBasis(i + 1)}>
                  <Input maxLength={500} />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={`${s.remove} ${s.legalBasis(i + 1).toLowerCase()}`}
                  onClick={() => remove(field.name)}
                />
              </div>
            ))}
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => add('')}>
              {s.addLegalBasis}
            </Button>
          </fieldset>
        )}
      </Form.List>
      <div className="form-row">
        <Form.Item name="signer" label={s.signer} rules={[required]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={people.isPending}
            options={signers.map((u) => ({ value: u.email, label: `${u.fullName} (${u.title})` }))}
          />
        </Form.Item>
        <Form.Item name="signerTitle" label={s.signerTitle} extra={s.signerTitleHelp}>
          <Input maxLength={200} />
        </Form.Item>
      </div>
    </>
  );
}

/** Thời gian thực hiện và các giai đoạn. */
export function PeriodStep() {
  return (
    <>
      <div className="form-row">
        <Form.Item name="periodFrom" label={s.periodFrom} rules={[required]}>
          <DayPicker />
        </Form.Item>
        <Form.Item name="periodTo" label={s.periodTo} rules={[required]}>
          <DayPicker />
        </Form.Item>
      </div>
      <Form.List name="phases">
        {(fields, { add, remove }) => (
          <fieldset className="plain-fieldset">
            <legend>{s.phases}</legend>
            {fields.map((field, i) => (
              <div key={field.key} className="list-row rung-row">
                <Form.Item name={[field.name, 'name']} label={s.phaseName(i + 1)} rules={[required]}>
                  <Input maxLength={300} />
                </Form.Item>
                <Form.Item name={[field.name, 'from']} label={s.phaseFrom(i + 1)} rules={[required]}>
                  <DayPicker />
                </Form.Item>
                <Form.Item name={[field.name, 'to']} label={s.phaseTo(i + 1)} rules={[required]}>
                  <DayPicker />
                </Form.Item>
                <Button icon={<DeleteOutlined aria-hidden />} onClick={() => remove(field.name)}>
                  {s.remove}
                </Button>
              </div>
            ))}
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ name: '' })}>
              {s.addPhase}
            </Button>
          </fieldset>
        )}
      </Form.List>
    </>
  );
}

/** Cấp học và cụm trường, with how many schools each selects. */
export function TargetStep({ form }: { form: FormInstance<CampaignFormValues> }) {
  const schools = useOpenSchools();
  const clusters = useClusters();
  const levels = (Form.useWatch('targetLevels', form) as string[] | undefined) ?? [];
  const chosen = (Form.useWatch('targetClusters', form) as string[] | undefined) ?? [];
  const counts = schoolCounts(schools.data?.items ?? [], levels, chosen);
  return (
    <>
      <Form.Item name="targetLevels" label={<span id="levels-label">{s.targetLevels}</span>} rules={[chooseOne]}>
        <Checkbox.Group
          role="group"
          aria-labelledby="levels-label"
          options={Object.entries(s.levels).map(([value, label]) => ({
            value,
            label: `${label} (${s.schools(counts.byLevel[value] ?? 0)})`,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="targetClusters"
        label={<span id="clusters-label">{s.targetClusters}</span>}
        extra={s.clustersHelp}
      >
        <Checkbox.Group
          role="group"
          aria-labelledby="clusters-label"
          options={(clusters.data?.items ?? []).map((c) => ({
            value: c.code,
            label: `${c.name} (${s.schools(counts.byCluster[c.code] ?? 0)})`,
          }))}
        />
      </Form.Item>
      <p className="selected-total" role="status">
        {s.selected(counts.total)}
      </p>
    </>
  );
}

/** Các mục và chỉ tiêu bắt buộc, from the district's catalogue, indicators with the district's targets. */
export function ContentStep({ form }: { form: FormInstance<CampaignFormValues> }) {
  const catalogue = useCatalogue();
  const levels = (Form.useWatch('targetLevels', form) as string[] | undefined) ?? [];
  const indicators = (catalogue.data?.indicators ?? []).filter((i) => i.level === null || levels.includes(i.level));
  return (
    <>
      <Form.Item
        name="requiredSections"
        label={<span id="sections-label">{s.requiredSections}</span>}
        rules={[chooseOne]}
      >
        <Checkbox.Group
          role="group"
          aria-labelledby="sections-label"
          className="choice-list"
          options={(catalogue.data?.sections ?? []).map((c) => ({ value: c.key, label: c.title }))}
        />
      </Form.Item>
      <Form.Item name="requiredIndicators" label={<span id="indicators-label">{s.requiredIndicators}</span>}>
        <Checkbox.Group
          role="group"
          aria-labelledby="indicators-label"
          className="choice-list"
          options={indicators.map((i) => {
            const target = targetText(i.target, i.unit);
            const level = i.level ? s.levels[i.level] : s.allLevels;
            return {
              value: i.code,
              label: `${i.label} (${level}${target ? `; ${s.colTarget.toLowerCase()} ${target}` : ''})`,
            };
          })}
        />
      </Form.Item>
      <TargetsEditor form={form} />
    </>
  );
}

/**
 * The directive's own target of each required indicator: pre-filled with the catalogue's when the indicator is
 * chosen (or kept as copied from last year's), editable, sent with the campaign.
 */
function TargetsEditor({ form }: { form: FormInstance<CampaignFormValues> }) {
  const catalogue = useCatalogue();
  const chosen = (Form.useWatch('requiredIndicators', form) as string[] | undefined) ?? [];
  const rows = (catalogue.data?.indicators ?? []).filter((i) => chosen.includes(i.code) && i.rollup !== 'DISTRICT');
  useEffect(() => {
    for (const i of rows) {
      if (form.getFieldValue(['targets', i.code]) === undefined) {
        form.setFieldValue(['targets', i.code], { min: i.target.min, max: i.target.max });
      }
    }
  }, [rows, form]);
  if (rows.length === 0) return null;
  return (
    <fieldset className="plain-fieldset targets-editor">
      <legend>{s.targetsTitle}</legend>
      <p className="field-help">{s.targetsHelp}</p>
      {rows.map((i) => (
        <div key={i.code} className="target-row">
          <p className="target-name">
            {i.label}{' '}
            <span className="muted">
              ({s.rollupWords[i.rollup]}, {i.unit})
            </span>
          </p>
          <div className="form-row">
            <Form.Item name={['targets', i.code, 'min']} label={s.minShort}>
              <InputNumber
                min={0}
                max={i.unit === '%' ? 100 : undefined}
                className="field-full"
                aria-label={s.targetMin(i.label)}
              />
            </Form.Item>
            <Form.Item
              name={['targets', i.code, 'max']}
              label={s.maxShort}
              dependencies={[['targets', i.code, 'min']]}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_: unknown, max: number | null | undefined) => {
                    const min = getFieldValue(['targets', i.code, 'min']) as number | null | undefined;
                    if (min != null && max != null && max < min) throw new Error(s.targetInverted);
                  },
                }),
              ]}
            >
              <InputNumber
                min={0}
                max={i.unit === '%' ? 100 : undefined}
                className="field-full"
                aria-label={s.targetMax(i.label)}
              />
            </Form.Item>
          </div>
        </div>
      ))}
    </fieldset>
  );
}

/** Hạn nộp, bản giấy và người nhận, hình thức và số cấp duyệt. */
export function DeadlineStep() {
  const people = useOfficePeople();
  return (
    <>
      <div className="form-row">
        <Form.Item name="deadlineDay" label={s.deadlineDay} rules={[required]}>
          <DayPicker />
        </Form.Item>
        <Form.Item
          name="deadlineTime"
          label={s.deadlineTime}
          rules={[required, { pattern: /^\d{2}:\d{2}$/, message: s.required }]}
        >
          <Input type="time" />
        </Form.Item>
      </div>
      <div className="form-row">
        <Form.Item name="paperCopies" label={s.paperCopies} rules={[required]}>
          <InputNumber min={0} max={20} precision={0} className="field-full" />
        </Form.Item>
        <Form.Item name="receiver" label={s.receiver} extra={s.receiverHelp}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={people.isPending}
            options={(people.data ?? []).map((u) => ({ value: u.email, label: `${u.fullName} (${u.title})` }))}
          />
        </Form.Item>
      </div>
      <Form.Item name="distribution" label={s.distribution} extra={s.distributionHelp}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
      </Form.Item>
      <Form.Item name="reviewMode" label={<span id="mode-label">{s.reviewMode}</span>} rules={[required]}>
        <Radio.Group
          role="radiogroup"
          aria-labelledby="mode-label"
          options={Object.entries(s.reviewModes).map(([value, label]) => ({ value, label }))}
        />
      </Form.Item>
      <Form.Item name="approvalLevels" label={<span id="approval-label">{s.approvalLevels}</span>} rules={[required]}>
        <Radio.Group
          role="radiogroup"
          aria-labelledby="approval-label"
          options={[
            { value: 1, label: s.approvalOne },
            { value: 2, label: s.approvalTwo },
          ]}
        />
      </Form.Item>
      <div className="form-row">
        <Form.Item name="reviewDays" label={s.reviewDays} rules={[required]}>
          <InputNumber min={1} max={60} precision={0} className="field-full" />
        </Form.Item>
        <Form.Item name="revisionDays" label={s.revisionDays} rules={[required]}>
          <InputNumber min={1} max={60} precision={0} className="field-full" />
        </Form.Item>
      </div>
    </>
  );
}
