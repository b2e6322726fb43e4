import { Alert, Button, Checkbox, Form, Select, Typography } from 'antd';
import { PersonCard } from './people-parts';
import { leavesSchool } from './people-filters';
import { useEffect, useState } from 'react';
import { isSchoolPosition, mayAct, positionOptions, schoolSelectOptions } from './people-add';
import { type User, type UserChangeResult, useChangeUser, useSchoolOptions, useUsers } from './queries-people';
import { type PositionKey, peopleStrings as ps, personStrings as s } from './strings-people';

interface Fields {
  position: PositionKey;
  acting: boolean;
  schoolId?: string;
  successorId?: string;
  successorActing: boolean;
}

/** What a change answered: the plans a departing principal handed over, and the API's warnings. */
export function ChangeOutcome({ result, done }: { result: UserChangeResult; done: string }) {
  const h = result.handover;
  const lines = [h ? s.handedOver(h.plans, h.school, h.to?.fullName ?? null) : '', ...result.warnings].filter(Boolean);
  return (
    <Alert
      type={result.warnings.length ? 'warning' : 'success'}
      showIcon
      role="status"
      title={done}
      description={lines.length ? lines.map((l) => <div key={l}>{l}</div>) : undefined}
    />
  );
}

/** The active people of a principal's school who could take over as its principal. */
export function useSuccessorOptions(user: User, enabled: boolean) {
  const schoolId = user.school?.id;
  // Read only once the change would take a principal away from their school.
  const people = useUsers({ schoolId, active: 'true', page: 1, pageSize: 200 }, enabled && !!schoolId);
  if (!enabled || !schoolId) return [];
  return (people.data?.items ?? [])
    .filter((p) => p.id !== user.id && p.school?.id === schoolId)
    .map((p) => ({ value: p.id, label: p.fullName }));
}

/** Changes the person's position (held as acting or not) and school; a departing principal hands over their plans. */
export function PersonStanding({ user }: { user: User }) {
  const [form] = Form.useForm<Fields>();
  const change = useChangeUser(user.id);
  const schools = useSchoolOptions();
  const position = Form.useWatch('position', form);
  const schoolId = Form.useWatch('schoolId', form);
  const leaving = leavesSchool(user, position, schoolId);
  const successors = useSuccessorOptions(user, leaving);
  const [outcome, setOutcome] = useState<UserChangeResult | null>(null);

  const initial: Fields = {
    position: user.position,
    acting: user.acting,
    schoolId: user.school?.id,
    successorId: undefined,
    successorActing: false,
  };
  useEffect(() => {
    form.setFieldsValue({ position: user.position, acting: user.acting, schoolId: user.school?.id });
  }, [form, user.position, user.acting, user.school?.id]);

  const submit = (v: Fields) => {
    const school = isSchoolPosition(v.position) ? (v.schoolId ?? null) : null;
    const acting = mayAct(v.position) ? !!v.acting : false;
    setOutcome(null);
    change.mutate(
      {
        ...(v.position !== user.position ? { position: v.position } : {}),
        ...(acting !== user.acting ? { acting } : {}),
        ...(school !== (user.school?.id ?? null) ? { schoolId: school } : {}),
        ...(leaving && v.successorId ? { successorId: v.successorId, successorActing: !!v.successorActing } : {}),
      },
      {
        onSuccess: (result) => {
          setOutcome(result);
          form.setFieldsValue({ successorId: undefined, successorActing: false });
        },
      },
    );
  };

  return (
    <PersonCard title={s.standing}>
      <Typography.Paragraph type="secondary">{s.standingHint}</Typography.Paragraph>
      {change.isError && <Alert type="error" showIcon role="alert" title={change.error.message} />}
      {outcome && <ChangeOutcome result={outcome} done={s.saved} />}
      <Form<Fields> form={form} layout="vertical" initialValues={initial} onFinish={submit} className="person-form">
        <Form.Item label={ps.position} name="position" rules={[{ required: true, message: ps.positionRequired }]}>
          <Select options={positionOptions} />
        </Form.Item>
        {mayAct(position) && (
          <Form.Item name="acting" valuePropName="checked">
            <Checkbox>{ps.acting}</Checkbox>
          </Form.Item>
        )}
        {isSchoolPosition(position) && (
          <Form.Item label={ps.school} name="schoolId" rules={[{ required: true, message: ps.schoolRequired }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={schools.isPending}
              options={schoolSelectOptions(schools.data ?? [])}
            />
          </Form.Item>
        )}
        {leaving && (
          <>
            <Form.Item label={s.successor} name="successorId">
              <Select allowClear placeholder={s.noSuccessor} options={successors} />
            </Form.Item>
            <Form.Item name="successorActing" valuePropName="checked">
              <Checkbox>{s.successorActing}</Checkbox>
            </Form.Item>
          </>
        )}
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {s.saveStanding}
        </Button>
      </Form>
    </PersonCard>
  );
}
