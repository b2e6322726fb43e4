import { App, Button, Skeleton, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { formatDate, formatLocalDay } from '../common/format';
import { PageError } from '../common/PageError';
import { common } from '../common/strings';
import { delegationShown, type DelegationShow, delegationState } from './delegations-state';
import { DelegationDialog } from './delegations-dialog';
import { type Delegation, useDelegations, useRevokeDelegation } from './queries-district';
import { ConfirmDialog } from './schools-confirm-dialog';
import { DistrictTable, FilterSelect, SectionHeading } from './schools-parts';
import { districtStrings as d, delegationStrings as s } from './strings-district';

const SHOWS: DelegationShow[] = ['current', 'past', 'all'];

/** The head's delegations of signing (TL., TUQ.): recorded with their days, listed current or past, revoked. */
export default function DelegationsPage() {
  const [params, setParams] = useSearchParams();
  const show = (SHOWS as string[]).includes(params.get('show') ?? '')
    ? (params.get('show') as DelegationShow)
    : 'current';
  const delegations = useDelegations();
  const [adding, setAdding] = useState(false);
  const [revoking, setRevoking] = useState<Delegation | null>(null);

  useEffect(() => {
    document.title = `${s.title} - ${common.appName}`;
  }, []);

  const today = delegations.data?.today ?? '';
  const items = (delegations.data?.items ?? []).filter((r) => delegationShown(r, today, show));

  // The kind (TL./TUQ.) is in the capacity; the decision it rests on under its days: the table fits a laptop's width.
  const columns: ColumnsType<Delegation> = [
    { title: s.to, key: 'to', render: (_, r) => r.to.fullName },
    {
      title: s.capacity,
      key: 'capacity',
      render: (_, r) => <span className="district-capacity">{r.capacity}</span>,
    },
    {
      title: s.days,
      key: 'days',
      render: (_, r) => (
        <>
          <div>{s.dayRange(formatLocalDay(r.startsOn), formatLocalDay(r.endsOn))}</div>
          {r.reference && <div className="district-muted">{r.reference}</div>}
        </>
      ),
    },
    { title: s.from, key: 'from', render: (_, r) => r.from.fullName },
    {
      title: s.state,
      key: 'state',
      render: (_, r) => <StateTag delegation={r} today={today} />,
    },
    {
      title: d.actions,
      key: 'actions',
      render: (_, r) =>
        !r.revokedAt &&
        r.endsOn >= today && (
          <Button size="small" danger aria-label={s.revokeOf(r.to.fullName)} onClick={() => setRevoking(r)}>
            {s.revoke}
          </Button>
        ),
    },
  ];

  return (
    <section aria-labelledby="delegations-title">
      <SectionHeading id="delegations-title" title={s.title} add={{ label: s.add, onClick: () => setAdding(true) }} />
      <p className="district-intro">{s.intro}</p>
      <div className="district-filters">
        <FilterSelect
          id="delegations-show"
          label={s.show}
          value={show}
          onChange={(v) => setParams(v === 'current' ? {} : { show: v }, { replace: true })}
          options={SHOWS.map((v) => ({ value: v, label: s[v] }))}
        />
      </div>
      {delegations.isError && <PageError error={delegations.error} onRetry={() => void delegations.refetch()} />}
      {delegations.isPending && <Skeleton active />}
      {delegations.data && (
        <DistrictTable
          label={s.list}
          empty={s.empty}
          columns={columns}
          dataSource={items}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        />
      )}
      {adding && <DelegationDialog today={today} onClose={() => setAdding(false)} />}
      {revoking && <RevokeDialog delegation={revoking} onClose={() => setRevoking(null)} />}
    </section>
  );
}

function StateTag({ delegation, today }: { delegation: Delegation; today: string }) {
  const state = delegationState(delegation, today);
  return (
    <>
      <Tag
        className={`district-tag district-tag-${state === 'inForce' ? 'open' : state === 'upcoming' ? 'upcoming' : 'ended'}`}
      >
        {state === 'revoked' ? s.revoked(formatDate(delegation.revokedAt!)) : s[state]}
      </Tag>
      {delegation.revokeReason && <div className="district-muted">{s.revokeReasonOf(delegation.revokeReason)}</div>}
    </>
  );
}

function RevokeDialog({ delegation, onClose }: { delegation: Delegation; onClose: () => void }) {
  const { message } = App.useApp();
  const revoke = useRevokeDelegation();
  return (
    <ConfirmDialog
      title={s.revokeTitle(delegation.to.fullName)}
      okText={s.revoke}
      reason={{ label: s.revokeReason, required: s.revokeReasonRequired }}
      pending={revoke.isPending}
      error={revoke.error}
      onClose={onClose}
      onConfirm={(reason) =>
        revoke.mutate(
          { id: delegation.id, reason },
          {
            onSuccess: () => {
              void message.success(s.revoked2);
              onClose();
            },
          },
        )
      }
    >
      <p>
        {delegation.to.fullName}: <span className="district-capacity">{delegation.capacity}</span>,{' '}
        {s.dayRange(formatLocalDay(delegation.startsOn), formatLocalDay(delegation.endsOn))}.
      </p>
      <p>{s.revokeWhat}</p>
    </ConfirmDialog>
  );
}
