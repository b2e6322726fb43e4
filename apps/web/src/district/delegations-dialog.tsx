import { App, DatePicker, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { pickerLocale } from '../common/picker-locale';
import { delegatedCapacity } from './delegations-state';
import { useOfficePeople, useRecordDelegation } from './queries-district';
import { FormDialog } from './schools-parts';
import { delegationStrings as s } from './strings-district';

interface FormValues {
  from: string;
  to: string;
  kind: 'TL' | 'TUQ';
  startsOn: Dayjs;
  endsOn: Dayjs;
  reference?: string;
}

/** Record a delegation: from a head, to a specialist, TL. or TUQ., between two days; says the capacity it gives. */
export function DelegationDialog({ today, onClose }: { today: string; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const heads = useOfficePeople('HEAD');
  const specialists = useOfficePeople('SPECIALIST');
  const record = useRecordDelegation();
  const kind = Form.useWatch('kind', form);
  const startsOn = Form.useWatch('startsOn', form);
  const onlyHead = heads.data?.length === 1 ? heads.data[0].email : undefined;

  const save = async () => {
    const v = await form.validateFields();
    const to = specialists.data?.find((p) => p.email === v.to);
    record.mutate(
      {
        from: v.from,
        to: v.to,
        kind: v.kind,
        startsOn: v.startsOn.format('YYYY-MM-DD'),
        endsOn: v.endsOn.format('YYYY-MM-DD'),
        ...(v.reference?.trim() ? { reference: v.reference.trim() } : {}),
      },
      {
        onSuccess: () => {
          void message.success(s.recorded(to?.fullName ?? v.to));
          onClose();
        },
      },
    );
  };

  const peopleError = heads.error ?? specialists.error;
  const error = record.error ?? peopleError;
  return (
    <FormDialog title={s.add} pending={record.isPending} error={error} onOk={() => void save()} onClose={onClose}>
      <Form
        form={form}
        layout="vertical"
        name="delegation"
        requiredMark={false}
        initialValues={{ kind: 'TL', startsOn: today ? dayjs(today) : undefined, from: onlyHead }}
      >
        <Form.Item name="from" label={s.from} rules={[{ required: true, message: s.fromRequired }]}>
          <Select
            loading={heads.isPending}
            notFoundContent={s.noHead}
            options={(heads.data ?? []).map((p) => ({ value: p.email, label: `${p.fullName} (${p.email})` }))}
          />
        </Form.Item>
        <Form.Item name="to" label={s.to} rules={[{ required: true, message: s.toRequired }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={specialists.isPending}
            notFoundContent={s.noSpecialist}
            options={(specialists.data ?? []).map((p) => ({ value: p.email, label: `${p.fullName} (${p.email})` }))}
          />
        </Form.Item>
        <Form.Item
          name="kind"
          label={s.kind}
          rules={[{ required: true, message: s.kindRequired }]}
          extra={kind && s.capacityPreview(delegatedCapacity(kind))}
        >
          <Radio.Group options={Object.entries(s.kinds).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <div className="delegations-days">
          <Form.Item name="startsOn" label={s.startsOn} rules={[{ required: true, message: s.startsRequired }]}>
            <DatePicker format="DD/MM/YYYY" locale={pickerLocale} placeholder={s.datePlaceholder} />
          </Form.Item>
          <Form.Item
            name="endsOn"
            label={s.endsOn}
            dependencies={['startsOn']}
            rules={[
              { required: true, message: s.endsRequired },
              ({ getFieldValue }) => ({
                validator: (_, value: Dayjs | undefined) => {
                  const start = getFieldValue('startsOn') as Dayjs | undefined;
                  return value && start && value.isBefore(start, 'day')
                    ? Promise.reject(new Error(s.endsBeforeStarts))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker
              format="DD/MM/YYYY"
              locale={pickerLocale}
              placeholder={s.datePlaceholder}
              disabledDate={(day) => Boolean(startsOn && day.isBefore(startsOn, 'day'))}
            />
          </Form.Item>
        </div>
        <Form.Item name="reference" label={s.reference}>
          <Input maxLength={300} placeholder={s.referencePlaceholder} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
