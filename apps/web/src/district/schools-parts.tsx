import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Select, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { type ReactNode, useEffect, useRef } from 'react';
import { districtStrings as d } from './strings-district';

// The pieces the district's tabs share: a tab's heading, a labelled filter, a table that scrolls inside itself, and
// a dialog that shows the API's refusal where the admin acted.

/** The tab's h2 (the layout holds the h1), with its one "add" button. */
export function SectionHeading({
  id,
  title,
  add,
}: {
  id: string;
  title: string;
  add?: { label: string; onClick: () => void };
}) {
  return (
    <div className="district-heading">
      <Typography.Title level={2} id={id}>
        {title}
      </Typography.Title>
      {add && (
        <Button type="primary" icon={<PlusOutlined />} onClick={add.onClick}>
          {add.label}
        </Button>
      )}
    </div>
  );
}

interface FilterSelectProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  loading?: boolean;
}

/** A filter with a visible label; the value '' stands for "all". */
export function FilterSelect({ id, label, value, onChange, options, loading }: FilterSelectProps) {
  return (
    <div className="district-filter">
      <label htmlFor={id}>{label}</label>
      <Select id={id} value={value} onChange={onChange} options={options} loading={loading} />
    </div>
  );
}

/**
 * A small table scrolling sideways inside itself on a phone. The part that scrolls is a named region a keyboard can
 * reach (and scroll with the arrow keys), even when no row holds a button.
 */
export function DistrictTable<T extends { id: string }>({
  label,
  empty,
  ...props
}: TableProps<T> & { label: string; empty: string }) {
  const wrapper = useRef<HTMLDivElement>(null);
  useEffect(() => {
    for (const el of wrapper.current?.querySelectorAll<HTMLElement>('.ant-table-content') ?? []) {
      el.tabIndex = 0;
      el.setAttribute('role', 'region');
      el.setAttribute('aria-label', label);
    }
  });
  return (
    <div ref={wrapper}>
      <Table<T>
        className="district-table"
        rowKey="id"
        size="small"
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <span className="district-empty">{empty}</span> }}
        {...props}
      />
    </div>
  );
}

interface FormDialogProps {
  title: string;
  okText?: string;
  /** a step that cannot be taken back lightly: the button says so in red */
  danger?: boolean;
  pending: boolean;
  /** the API's refusal (or a read that failed), in its own words */
  error: { message: string } | null | undefined;
  onOk: () => void;
  onClose: () => void;
  children: ReactNode;
}

export function FormDialog({ title, okText, danger, pending, error, onOk, onClose, children }: FormDialogProps) {
  return (
    <Modal
      open
      title={title}
      okText={okText ?? d.save}
      okButtonProps={danger ? { danger: true } : undefined}
      cancelText={d.cancel}
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={pending}
      destroyOnHidden
    >
      {children}
      {error && <Alert type="error" role="alert" showIcon title={error.message} />}
    </Modal>
  );
}

interface CodeAndNameWords {
  code: string;
  codeHelp: string;
  codeRequired: string;
  name: string;
  nameRequired: string;
  namePlaceholder?: string;
}

/** A school's or a cluster's code (asked only when adding: it is kept for good) and its name. */
export function CodeAndNameFields({ adding, words }: { adding: boolean; words: CodeAndNameWords }) {
  return (
    <>
      {adding && (
        <Form.Item
          name="code"
          label={words.code}
          extra={words.codeHelp}
          rules={[{ required: true, whitespace: true, message: words.codeRequired }]}
        >
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item
        name="name"
        label={words.name}
        rules={[{ required: true, whitespace: true, min: 2, message: words.nameRequired }]}
      >
        <Input maxLength={200} placeholder={words.namePlaceholder} />
      </Form.Item>
    </>
  );
}
