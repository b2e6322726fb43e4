import { Alert, App, Button, Card, Table } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../common/format';
import { useFailedEmails, useResendEmail } from './queries';
import { boardStrings as s } from './strings';

type FailedEmail = NonNullable<ReturnType<typeof useFailedEmails>['data']>['items'][number];

/** The office head's e-mails that failed for good, with the reason, and a way to send each again. */
export function FailedEmails({ campaignId }: { campaignId?: string }) {
  const { message } = App.useApp();
  const failed = useFailedEmails(campaignId, true);
  const resend = useResendEmail();
  const [resending, setResending] = useState<string | null>(null);
  const items = failed.data?.items ?? [];

  return (
    <Card title={<h2 className="card-title">{s.failedTitle}</h2>} size="small" className="board-failed">
      {items.length > 0 ? <p>{s.failedIntro}</p> : !failed.isPending && <p>{s.failedNone}</p>}
      {failed.error && <Alert type="error" role="alert" showIcon title={failed.error.message} />}
      {resend.error && <Alert type="error" role="alert" showIcon title={resend.error.message} />}
      {items.length > 0 && (
        <Table<FailedEmail>
          rowKey="id"
          size="small"
          dataSource={items}
          pagination={false}
          scroll={{ x: 800 }}
          columns={[
            {
              title: s.failedTo,
              key: 'to',
              render: (_, m) => (
                <div className="board-school">
                  <span>{m.to}</span>
                  {m.school && <span className="board-muted">{m.school.name}</span>}
                </div>
              ),
            },
            { title: s.failedSubject, dataIndex: 'subject' },
            { title: s.failedReason, key: 'reason', render: (_, m) => m.lastError ?? s.failedNoReason },
            { title: s.failedAttempts, dataIndex: 'attempts', align: 'right' },
            { title: s.failedAt, key: 'at', render: (_, m) => formatDateTime(m.createdAt) },
            {
              title: <span className="board-sr-only">{s.resend}</span>,
              key: 'resend',
              render: (_, m) => (
                <Button
                  size="small"
                  aria-label={s.resendOf(m.to)}
                  loading={resend.isPending && resending === m.id}
                  disabled={resend.isPending}
                  onClick={() => {
                    setResending(m.id);
                    resend.mutate(m.id, { onSuccess: () => void message.success(s.resent) });
                  }}
                >
                  {s.resend}
                </Button>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
