import { Form, Input } from 'antd';
import type { ReactNode } from 'react';
import type { ApiError } from '../api/errors';
import { FormDialog } from './schools-parts';

interface Props {
  title: string;
  /** what the step does, in the office's words */
  children: ReactNode;
  okText: string;
  /** ask for a reason (closing a school, revoking a delegation): required, 3 characters or more */
  reason?: { label: string; required: string; placeholder?: string };
  pending: boolean;
  /** the API's refusal, shown in the dialog where the person acted */
  error: ApiError | null;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}

/** A step that cannot be taken back lightly (close, remove, revoke): what it does, a reason if needed, then confirm. */
export function ConfirmDialog({ title, children, okText, reason, pending, error, onConfirm, onClose }: Props) {
  const [form] = Form.useForm<{ reason: string }>();
  const confirm = async () => {
    const values = reason ? await form.validateFields() : { reason: '' };
    onConfirm(values.reason.trim());
  };
  return (
    <FormDialog
      title={title}
      okText={okText}
      danger
      pending={pending}
      error={error}
      onOk={() => void confirm()}
      onClose={onClose}
    >
      <div className="district-confirm-text">{children}</div>
      {reason && (
        <Form form={form} layout="vertical" name="confirm-reason" requiredMark={false}>
          <Form.Item
            name="reason"
            label={reason.label}
            rules={[{ required: true, whitespace: true, min: 3, message: reason.required }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={reason.placeholder} />
          </Form.Item>
        </Form>
      )}
    </FormDialog>
  );
}
