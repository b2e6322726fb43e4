import { Alert, Button, Checkbox, Input, Modal, Popconfirm, Select, Space, Typography } from 'antd';
import { InvitationSent, PersonCard } from './people-parts';
import { useState } from 'react';
import { leavesSchool } from './people-filters';
import { ChangeOutcome, useSuccessorOptions } from './person-standing';
import {
  type User,
  useDeactivateUser,
  useEraseUser,
  useExportPersonalData,
  useInviteUser,
  useReactivateUser,
} from './queries-people';
import { peopleStrings as ps, personStrings as s } from './strings-people';

const fileSafe = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\w.-]+/g, '-')
    .toLowerCase();

/** The account (invite, lock, unlock) and the person's personal data (export, erase once they have left). */
export function PersonAccount({ user }: { user: User }) {
  const invite = useInviteUser();
  const deactivate = useDeactivateUser(user.id);
  const reactivate = useReactivateUser(user.id);
  const exporter = useExportPersonalData(user.id);
  const erase = useEraseUser(user.id);
  const leaving = user.active && leavesSchool(user);
  const successors = useSuccessorOptions(user, leaving);
  const [successorId, setSuccessorId] = useState<string | undefined>();
  const [successorActing, setSuccessorActing] = useState(false);
  const [erasing, setErasing] = useState(false);
  const [typed, setTyped] = useState('');

  const busy = deactivate.isPending || reactivate.isPending;

  return (
    <>
      <PersonCard title={s.account}>
        {invite.data && <InvitationSent sent={invite.data} />}
        {invite.isError && <Alert type="error" showIcon role="alert" title={invite.error.message} />}
        {deactivate.isError && <Alert type="error" showIcon role="alert" title={deactivate.error.message} />}
        {reactivate.isError && <Alert type="error" showIcon role="alert" title={reactivate.error.message} />}
        {deactivate.data && !user.active && <ChangeOutcome result={deactivate.data} done={s.deactivated} />}
        {reactivate.data && user.active && <ChangeOutcome result={reactivate.data} done={s.reactivated} />}
        {user.active ? (
          <>
            <Typography.Paragraph type="secondary">{s.deactivateText}</Typography.Paragraph>
            {leaving && (
              <div className="person-successor">
                <label htmlFor="deactivate-successor">{s.successor}</label>
                <Select
                  id="deactivate-successor"
                  allowClear
                  placeholder={s.noSuccessor}
                  options={successors}
                  value={successorId}
                  onChange={setSuccessorId}
                />
                <Checkbox checked={successorActing} onChange={(e) => setSuccessorActing(e.target.checked)}>
                  {s.successorActing}
                </Checkbox>
              </div>
            )}
            <Space wrap>
              <Button loading={invite.isPending} onClick={() => invite.mutate(user.id)}>
                {ps.invite}
              </Button>
              <Popconfirm
                title={s.deactivateConfirm}
                okText={s.deactivate}
                cancelText={ps.cancel}
                onConfirm={() =>
                  deactivate.mutate(successorId ? { successorId, successorActing } : {}, {
                    onSuccess: () => reactivate.reset(),
                  })
                }
              >
                <Button danger loading={deactivate.isPending} disabled={busy}>
                  {s.deactivate}
                </Button>
              </Popconfirm>
            </Space>
          </>
        ) : (
          !user.erasedAt && (
            <Button
              loading={reactivate.isPending}
              disabled={busy}
              onClick={() => reactivate.mutate(undefined, { onSuccess: () => deactivate.reset() })}
            >
              {s.reactivate}
            </Button>
          )
        )}
      </PersonCard>

      <PersonCard title={s.personalData}>
        <Typography.Paragraph type="secondary">{s.personalDataText}</Typography.Paragraph>
        {exporter.isError && <Alert type="error" showIcon role="alert" title={exporter.error.message} />}
        {erase.isError && <Alert type="error" showIcon role="alert" title={erase.error.message} />}
        {erase.data && <Alert type="success" showIcon role="status" title={s.erased(erase.data)} />}
        <Space wrap>
          <Button
            loading={exporter.isPending}
            onClick={() => exporter.mutate(`du-lieu-ca-nhan-${fileSafe(user.fullName)}.json`)}
          >
            {s.export}
          </Button>
          {!user.erasedAt && (
            <Button danger disabled={user.active} onClick={() => setErasing(true)}>
              {s.erase}
            </Button>
          )}
        </Space>
        {user.active && !user.erasedAt && (
          <Typography.Paragraph type="secondary" className="person-note">
            {s.eraseOnlyInactive}
          </Typography.Paragraph>
        )}
      </PersonCard>

      <Modal
        open={erasing}
        title={s.eraseConfirmTitle}
        okText={s.eraseOk}
        okButtonProps={{ danger: true, disabled: typed.trim().toLowerCase() !== user.email.toLowerCase() }}
        cancelText={ps.cancel}
        confirmLoading={erase.isPending}
        onCancel={() => setErasing(false)}
        onOk={() =>
          erase.mutate(undefined, {
            onSettled: () => {
              setErasing(false);
              setTyped('');
            },
          })
        }
      >
        <Typography.Paragraph>{s.eraseConfirmText}</Typography.Paragraph>
        <label htmlFor="erase-confirm" className="person-label">
          {s.eraseConfirmLabel}
        </label>
        <Input id="erase-confirm" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
      </Modal>
    </>
  );
}
