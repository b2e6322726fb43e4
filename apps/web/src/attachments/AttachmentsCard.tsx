import { DeleteOutlined, InboxOutlined, PaperClipOutlined } from '@ant-design/icons';
import { ATTACHMENT_ACCEPT, ATTACHMENT_ALLOWED_LIST, formatMegabytes, refusalByNameAndSize } from '@shared/attachments';
import { Alert, App, Button, Card, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { formatDateTime } from '../common/format';
import { downloadUrl, useAttachmentRules, useAttachments, useRemoveAttachment, useUploadAttachment } from './queries';
import { attachmentStrings as s } from './strings';
import './attachments.css';

interface Props {
  planId: string;
  /** the school holds the pen: files may be added and removed */
  editable: boolean;
}

const formatSize = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${formatMegabytes(bytes)} MB`;

/**
 * The draft's files: dropped or picked, refused before sending when the name or size alone tells (the API's own
 * words, shared as code), and in the API's words when the server refuses the content; each downloadable.
 */
export function AttachmentsCard({ planId, editable }: Props) {
  const { message, modal } = App.useApp();
  const files = useAttachments(planId);
  const rules = useAttachmentRules(planId);
  const upload = useUploadAttachment(planId);
  const remove = useRemoveAttachment(planId);
  const [refusal, setRefusal] = useState<string | null>(null);
  const maxBytes = rules.data?.maxBytes;

  const send = (file: File) => {
    const before = maxBytes ? refusalByNameAndSize({ fileName: file.name, size: file.size, maxBytes }) : null;
    if (before) {
      setRefusal(before);
      return;
    }
    setRefusal(null);
    upload.mutate(file, {
      onSuccess: (saved) => void message.success(s.uploaded(saved.fileName)),
      onError: (err) => setRefusal(err.message),
    });
  };

  const confirmRemove = (id: string, name: string) =>
    modal.confirm({
      title: s.removeTitle(name),
      content: s.removeText,
      okText: s.remove,
      cancelText: s.cancel,
      onOk: () =>
        remove.mutateAsync(id).then(
          () => void message.success(s.removed(name)),
          (err: Error) => setRefusal(err.message),
        ),
    });

  const list = files.data ?? [];
  return (
    <Card title={<h2 className="card-title">{s.title}</h2>} size="small" className="attachments">
      <Typography.Paragraph type="secondary">
        {s.intro(ATTACHMENT_ALLOWED_LIST, maxBytes ? formatMegabytes(maxBytes) : '…')}
      </Typography.Paragraph>
      {editable ? (
        <DropZone busy={upload.isPending} onFile={send}>
          <InboxOutlined aria-hidden className="drop-zone-icon" />
          <p className="drop-zone-text">{upload.isPending ? s.uploading(upload.variables?.name ?? '') : s.drop}</p>
          <p className="drop-zone-hint">{s.dropHint}</p>
        </DropZone>
      ) : (
        <Typography.Paragraph type="secondary">{s.readOnly}</Typography.Paragraph>
      )}
      {refusal && (
        <Alert
          className="attachment-refusal"
          type="error"
          showIcon
          role="alert"
          title={s.refused}
          description={refusal}
          closable={{ onClose: () => setRefusal(null), 'aria-label': s.cancel }}
        />
      )}
      {files.error && <Alert type="error" role="alert" title={files.error.message} />}
      {list.length === 0 ? (
        files.data && <Typography.Paragraph className="attachment-none">{s.none}</Typography.Paragraph>
      ) : (
        <ul className="attachment-list" aria-label={s.list}>
          {list.map((f) => (
            <li key={f.id}>
              <PaperClipOutlined aria-hidden />
              <span className="attachment-name">
                <a href={downloadUrl(planId, f.id)} download={f.fileName} aria-label={s.download(f.fileName)}>
                  {f.fileName}
                </a>
                <span className="attachment-meta">
                  {formatSize(f.size)} · {s.uploadedBy(f.uploadedBy.fullName, formatDateTime(f.createdAt))}
                </span>
              </span>
              {editable && (
                <Button
                  size="small"
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={s.removeOf(f.fileName)}
                  onClick={() => confirmRemove(f.id, f.fileName)}
                >
                  {s.remove}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** A file dropped on the zone, or picked with its button (a real file input, labelled, reachable from the keyboard). */
function DropZone({ busy, onFile, children }: { busy: boolean; onFile: (file: File) => void; children: ReactNode }) {
  const [over, setOver] = useState(false);
  return (
    <div
      className={`drop-zone${over ? ' drop-zone-over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer.files[0];
        if (file && !busy) onFile(file);
      }}
    >
      {children}
      <label className={`drop-zone-pick${busy ? ' drop-zone-busy' : ''}`}>
        <input
          type="file"
          accept={ATTACHMENT_ACCEPT}
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            // The same file may be picked again after a refusal.
            e.target.value = '';
            if (file) onFile(file);
          }}
        />
        {s.pick}
      </label>
    </div>
  );
}
