import { Alert, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { type User, useCreateUser, type useSchoolOptions } from './queries-people';
import {
  OFFICE_POSITIONS,
  POSITION_LABEL,
  type PositionKey,
  SCHOOL_POSITIONS,
  peopleStrings as s,
} from './strings-people';

interface Fields {
  fullName: string;
  email: string;
  position: PositionKey;
  acting: boolean;
  schoolId?: string;
  title?: string;
  invite: boolean;
}

type SchoolOption = NonNullable<ReturnType<typeof useSchoolOptions>['data']>[number];

export const isSchoolPosition = (p: PositionKey | undefined): boolean => !!p && SCHOOL_POSITIONS.includes(p);
/** Only the head of a unit holds the position as acting (Q.): the office's head or a school's principal. */
export const mayAct = (p: PositionKey | undefined): boolean => p === 'HEAD' || p === 'PRINCIPAL';

export const positionOptions = [
  { label: s.officeGroup, options: OFFICE_POSITIONS.map((p) => ({ value: p, label: POSITION_LABEL[p] })) },
  { label: s.schoolGroup, options: SCHOOL_POSITIONS.map((p) => ({ value: p, label: POSITION_LABEL[p] })) },
];

export const schoolSelectOptions = (schools: SchoolOption[]) =>
  schools.filter((sc) => !sc.closedAt).map((sc) => ({ value: sc.id, label: sc.name }));

/** Adds a person (the office or a school) and, unless unticked, sends them the invitation to set a password. */
export function PersonAddModal(props: {
  open: boolean;
  schools: SchoolOption[];
  onClose: () => void;
  onAdded: (text: string, user: User) => void;
}) {
  const [form] = Form.useForm<Fields>();
  const create = useCreateUser();
  const position = Form.useWatch('position', form);

  // The API's refusals of one field, under that field.
  useEffect(() => {
    const err = create.error;
    if (!err) return;
    const names: (keyof Fields)[] = ['fullName', 'email', 'position', 'acting', 'schoolId', 'title'];
    form.setFields(
      names.filter((n) => err.fieldMessage(n)).map((n) => ({ name: n, errors: [err.fieldMessage(n) ?? ''] })),
    );
  }, [create.error, form]);

  const submit = (v: Fields) =>
    create.mutate(
      {
        fullName: v.fullName,
        email: v.email,
        position: v.position,
        acting: mayAct(v.position) ? !!v.acting : false,
        schoolId: isSchoolPosition(v.position) ? v.schoolId : null,
        ...(v.title?.trim() ? { title: v.title.trim() } : {}),
        invite: v.invite,
      },
      {
        onSuccess: (result) => {
          form.resetFields();
          create.reset();
          props.onAdded(s.added(result.user.fullName, v.invite), result.user);
        },
      },
    );

  return (
    <Modal
      open={props.open}
      title={s.addTitle}
      okText={s.save}
      cancelText={s.cancel}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={() => {
        create.reset();
        props.onClose();
      }}
      destroyOnHidden
    >
      {create.isError && <Alert type="error" showIcon role="alert" title={create.error.message} />}
      <Form<Fields>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ acting: false, invite: true }}
        onFinish={submit}
        preserve={false}
      >
        <Form.Item
          label={s.fullName}
          name="fullName"
          rules={[{ required: true, whitespace: true, message: s.nameRequired }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={s.email}
          name="email"
          rules={[{ required: true, whitespace: true, message: s.emailRequired }]}
        >
          <Input type="email" autoComplete="off" />
        </Form.Item>
        <Form.Item label={s.position} name="position" rules={[{ required: true, message: s.positionRequired }]}>
          <Select options={positionOptions} />
        </Form.Item>
        {mayAct(position) && (
          <Form.Item name="acting" valuePropName="checked">
            <Checkbox>{s.acting}</Checkbox>
          </Form.Item>
        )}
        {isSchoolPosition(position) && (
          <Form.Item label={s.school} name="schoolId" rules={[{ required: true, message: s.schoolRequired }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={schoolSelectOptions(props.schools)} />
          </Form.Item>
        )}
        <Form.Item label={s.displayTitle} name="title" extra={s.titleHint}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="invite" valuePropName="checked">
          <Checkbox>{s.sendInvitation}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
