import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Space, Spin, Table, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { common } from '../common/strings';
import { formatNumber } from '../common/format';
import { type ImportApplied, type ImportReport, TEMPLATE_URL, useImportApply, useImportCheck } from './queries-people';
import { importStrings as s } from './strings-people';
import './import-page.css';

type Problem = ImportReport['problems'][number];
type Changes = ImportReport['changes'];

/**
 * Import from Excel: the template to fill, a file checked whole by a dry run (every problem where Excel shows it,
 * and what an apply would change), then the apply of that same file, with invitations for the new people.
 */
export default function ImportPage() {
  const [file, setFile] = useState<File | null>(null);
  const [invite, setInvite] = useState(true);
  const check = useImportCheck();
  const apply = useImportApply();

  useEffect(() => {
    document.title = `${s.title} - ${common.appName}`;
  }, []);

  const choose = (chosen: File) => {
    setFile(chosen);
    apply.reset();
    check.mutate(chosen);
    // Kept here, never uploaded by the component itself: the page sends it to the dry run, then to the apply.
    return false;
  };

  const report = check.data;
  return (
    <section aria-labelledby="import-title" className="import-page">
      <Typography.Title level={2} id="import-title">
        {s.title}
      </Typography.Title>
      <Typography.Paragraph>{s.intro}</Typography.Paragraph>
      <Button icon={<DownloadOutlined />} href={TEMPLATE_URL} download>
        {s.template}
      </Button>

      <Upload.Dragger
        className="import-drop"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        showUploadList={false}
        beforeUpload={choose}
        disabled={check.isPending || apply.isPending}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined aria-hidden />
        </p>
        <p className="ant-upload-text">{s.dropTitle}</p>
        <p className="ant-upload-hint">{s.dropHint}</p>
      </Upload.Dragger>

      {file && (
        <Typography.Paragraph className="import-file">
          {s.fileLine(file.name, formatNumber(Math.ceil(file.size / 1024)))}
        </Typography.Paragraph>
      )}
      {check.isPending && (
        <Spin description={s.checking}>
          <div className="import-spin" />
        </Spin>
      )}
      {check.isError && <Alert type="error" showIcon role="alert" title={check.error.message} />}

      {report && !apply.data && (
        <CheckReport
          report={report}
          invite={invite}
          onInvite={setInvite}
          applying={apply.isPending}
          onApply={() => file && apply.mutate({ file, invite })}
        />
      )}
      {apply.isError && <Alert type="error" showIcon role="alert" title={apply.error.message} />}
      {apply.data && <Applied result={apply.data} />}
    </section>
  );
}

function CheckReport(props: {
  report: ImportReport;
  invite: boolean;
  onInvite: (v: boolean) => void;
  applying: boolean;
  onApply: () => void;
}) {
  const { report } = props;
  return (
    <div className="import-report">
      {report.ok ? (
        <Alert type="success" showIcon role="status" title={s.okTitle} description={s.okText} />
      ) : (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={s.problemsTitle(report.problemCount)}
          description={
            report.problems.length < report.problemCount
              ? `${s.problemsText} ${s.problemsShown(report.problems.length, report.problemCount)}`
              : s.problemsText
          }
        />
      )}
      {report.ok ? (
        <>
          <ChangesTable heading={s.changesHeading} changes={report.changes} />
          <Space wrap className="import-apply">
            <Checkbox checked={props.invite} onChange={(e) => props.onInvite(e.target.checked)}>
              {s.invite}
            </Checkbox>
            <Button type="primary" loading={props.applying} onClick={props.onApply}>
              {s.apply}
            </Button>
          </Space>
        </>
      ) : (
        <ProblemsTable problems={report.problems} />
      )}
    </div>
  );
}

function Applied({ result }: { result: ImportApplied }) {
  const invited = s.appliedInvited(result.invited);
  return (
    <div className="import-report">
      <Alert
        type="success"
        showIcon
        role="status"
        title={s.appliedTitle}
        description={result.changed ? invited || undefined : s.appliedNothing}
      />
      <ChangesTable heading={s.appliedChangesHeading} changes={result.changes} />
    </div>
  );
}

const SHEETS: { key: keyof Changes; label: string }[] = [
  { key: 'clusters', label: s.clusters },
  { key: 'schools', label: s.schools },
  { key: 'users', label: s.users },
];

function ChangesTable({ heading, changes }: { heading: string; changes: Changes }) {
  return (
    <>
      <Typography.Title level={3}>{heading}</Typography.Title>
      <Table
        className="import-changes"
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={SHEETS.map((sheet) => ({ ...sheet, ...changes[sheet.key] }))}
        columns={[
          { title: s.kind, dataIndex: 'label', render: (label: string) => <strong>{label}</strong> },
          { title: s.created, dataIndex: 'created', align: 'right' },
          { title: s.updated, dataIndex: 'updated', align: 'right' },
          { title: s.unchanged, dataIndex: 'unchanged', align: 'right' },
        ]}
      />
    </>
  );
}

function ProblemsTable({ problems }: { problems: Problem[] }) {
  return (
    <>
      <Typography.Title level={3}>{s.problemsHeading}</Typography.Title>
      <Table<Problem & { key: number }>
        className="import-problems"
        size="small"
        rowKey="key"
        scroll={{ x: 720 }}
        pagination={problems.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        dataSource={problems.map((p, key) => ({ ...p, key }))}
        columns={[
          { title: s.sheet, dataIndex: 'sheet', width: 120 },
          { title: s.row, dataIndex: 'row', width: 70, render: (row: number | null) => row ?? s.wholeSheet },
          { title: s.column, dataIndex: 'column', width: 70, render: (c: string | null) => c ?? '' },
          { title: s.field, dataIndex: 'field', width: 160, render: (f: string | null) => f ?? '' },
          { title: s.message, dataIndex: 'message' },
        ]}
      />
    </>
  );
}
