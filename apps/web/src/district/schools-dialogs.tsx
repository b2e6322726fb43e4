import { App, Form, Input, InputNumber, Select } from 'antd';
import { ConfirmDialog } from './schools-confirm-dialog';
import { CodeAndNameFields, FormDialog } from './schools-parts';
import { type Cluster, type School, useChangeSchool, useCreateSchool, useSchoolState } from './queries-district';
import { levelLabels, schoolStrings as s } from './strings-district';

interface FormValues {
  code: string;
  name: string;
  level: School['level'];
  cluster: string;
  commune?: string | null;
  students?: number | null;
}

/** Add a school (its code, kept for good) or edit one's name, level, cluster, commune and pupils. */
export function SchoolFormDialog({
  school,
  clusters,
  onClose,
}: {
  school?: School;
  clusters: Cluster[];
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateSchool();
  const change = useChangeSchool();
  const mutation = school ? change : create;

  const save = async () => {
    const v = await form.validateFields();
    const facts = {
      name: v.name.trim(),
      level: v.level,
      cluster: v.cluster,
      commune: v.commune?.trim() || null,
      students: v.students ?? null,
    };
    const done = (saved: School) => {
      void message.success(school ? s.saved(saved.name) : s.added(saved.name));
      onClose();
    };
    if (school) change.mutate({ id: school.id, body: facts }, { onSuccess: done });
    else create.mutate({ ...facts, code: v.code.trim() }, { onSuccess: done });
  };

  return (
    <FormDialog
      title={school ? s.editTitle(school.name) : s.addTitle}
      pending={mutation.isPending}
      error={mutation.error}
      onOk={() => void save()}
      onClose={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        name={school ? 'school-edit' : 'school-add'}
        requiredMark={false}
        initialValues={
          school
            ? {
                name: school.name,
                level: school.level,
                cluster: school.cluster.code,
                commune: school.commune,
                students: school.students,
              }
            : undefined
        }
      >
        <CodeAndNameFields adding={!school} words={s} />
        <Form.Item name="level" label={s.level} rules={[{ required: true, message: s.levelRequired }]}>
          <Select options={Object.entries(levelLabels).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="cluster" label={s.cluster} rules={[{ required: true, message: s.clusterRequired }]}>
          <Select options={clusters.map((c) => ({ value: c.code, label: c.name }))} />
        </Form.Item>
        <Form.Item name="commune" label={s.commune}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="students" label={s.students}>
          <InputNumber min={0} max={100_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
      {school && <p className="district-muted">{s.changeNote}</p>}
    </FormDialog>
  );
}

/** Close a school, with a reason and what becomes of its open plans; or reopen a closed one. */
export function SchoolStateDialog({ school, onClose }: { school: School; onClose: () => void }) {
  const { message } = App.useApp();
  const mutation = useSchoolState();
  const closing = !school.closedAt;
  return (
    <ConfirmDialog
      title={closing ? s.closeTitle(school.name) : s.reopenTitle(school.name)}
      okText={closing ? s.closeConfirm : s.reopen}
      reason={closing ? { label: s.reason, required: s.reasonRequired, placeholder: s.reasonPlaceholder } : undefined}
      pending={mutation.isPending}
      error={mutation.error}
      onClose={onClose}
      onConfirm={(reason) =>
        mutation.mutate(
          { id: school.id, close: closing, reason },
          {
            onSuccess: (saved) => {
              void message.success(closing ? s.closedDone(saved.name) : s.reopenDone(saved.name));
              onClose();
            },
          },
        )
      }
    >
      {closing ? (
        <>
          <p>{s.closeWhat}</p>
          <p>{s.closePlans(school.openPlans)}</p>
        </>
      ) : (
        <p>{s.reopenWhat}</p>
      )}
    </ConfirmDialog>
  );
}
