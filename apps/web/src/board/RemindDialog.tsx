import { Alert, App, Modal, Skeleton } from 'antd';
import type { BoardFilters } from './board-params';
import { useRemindNow, useRemindPreview } from './queries';
import { boardStrings as s } from './strings';

interface Props {
  filter: BoardFilters;
  /** the ticked plans; empty: every plan of the filter waiting on its school */
  planIds: string[];
  onClose: (sent: boolean) => void;
}

/**
 * Asks the API how many people "remind now" would write to, says so, and sends on confirmation. The number shown is
 * the API's dry run of the same filter, so the office knows who will hear before anyone does.
 */
export function RemindDialog({ filter, planIds, onClose }: Props) {
  const { message } = App.useApp();
  const preview = useRemindPreview(filter, planIds, true);
  const remind = useRemindNow();
  const emails = preview.data?.emails ?? 0;

  const send = () =>
    remind.mutate(
      { filter, planIds },
      {
        onSuccess: (result) => {
          void message.success(s.remindSent(result.emails));
          onClose(true);
        },
      },
    );

  return (
    <Modal
      open
      title={s.remindTitle}
      okText={s.remindSend(emails)}
      cancelText={s.remindCancel}
      onOk={send}
      onCancel={() => onClose(false)}
      okButtonProps={{ disabled: !preview.data || emails === 0 }}
      confirmLoading={remind.isPending}
      destroyOnHidden
    >
      {preview.isPending && (
        <>
          <p role="status">{s.remindChecking}</p>
          <Skeleton active paragraph={{ rows: 1 }} title={false} />
        </>
      )}
      {preview.data && (
        <div className="board-remind-preview" role="status">
          <p>
            {emails > 0
              ? s.remindWho(
                  emails,
                  preview.data.plans - preview.data.alreadyRemindedToday - preview.data.notRemindedToday,
                )
              : s.remindNone}
          </p>
          {preview.data.alreadyRemindedToday > 0 && <p>{s.remindAlready(preview.data.alreadyRemindedToday)}</p>}
          {preview.data.notRemindedToday > 0 && <p>{s.remindDeferred(preview.data.notRemindedToday)}</p>}
        </div>
      )}
      {(preview.error ?? remind.error) && (
        <Alert type="error" role="alert" showIcon title={(preview.error ?? remind.error)!.message} />
      )}
    </Modal>
  );
}
