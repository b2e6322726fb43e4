import { Alert, Button, Space } from 'antd';
import { useState } from 'react';
import { formatTime } from '../../common/format';
import { planStrings as s } from '../strings';
import type { DraftEditor } from './useDraftEditor';

/** "Đã lưu lúc 14:32", or what went wrong with the last save and what to do about it. */
export function SaveStatus({ editor }: { editor: DraftEditor }) {
  const save = editor.save;
  const [busy, setBusy] = useState(false);
  const act = (fn: () => Promise<unknown>) => () => {
    setBusy(true);
    void fn().finally(() => setBusy(false));
  };

  if (save.kind === 'conflict') {
    return (
      <Alert
        type="warning"
        showIcon
        role="alert"
        title={s.conflictTitle}
        description={
          <Space direction="vertical">
            <span style={{ whiteSpace: 'pre-line' }}>{save.error.message}</span>
            <Space wrap>
              <Button onClick={act(editor.keepMine)} loading={busy} type="primary">
                {s.keepMine}
              </Button>
              <Button onClick={act(editor.takeTheirs)} disabled={busy}>
                {s.takeTheirs}
              </Button>
            </Space>
          </Space>
        }
      />
    );
  }
  if (save.kind === 'error') {
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={s.saveFailed}
        description={<span style={{ whiteSpace: 'pre-line' }}>{save.error.message}</span>}
        action={
          <Button size="small" onClick={act(editor.flush)} loading={busy}>
            {s.retrySave}
          </Button>
        }
      />
    );
  }
  const text =
    save.kind === 'saving'
      ? s.saving
      : save.kind === 'pending'
        ? s.pending
        : save.kind === 'saved'
          ? s.savedAt(formatTime(save.at))
          : s.notSavedYet;
  return (
    <div className="save-state" role="status" aria-live="polite">
      {text}
    </div>
  );
}
