import { Button, Skeleton, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { formatDate, formatNumber } from '../common/format';
import { PageError } from '../common/PageError';
import { common } from '../common/strings';
import { type School, useClusters, useSchools } from './queries-district';
import { SchoolFormDialog, SchoolStateDialog } from './schools-dialogs';
import { SearchBox, useFilterParams } from './schools-filters';
import { DistrictTable, FilterSelect, SectionHeading } from './schools-parts';
import { districtStrings as d, levelLabels, schoolStrings as s } from './strings-district';

const LEVELS = Object.keys(levelLabels);

type Dialog = { kind: 'add' } | { kind: 'edit' | 'state'; school: School } | null;

/** The district's schools: filtered by level, cluster, open or closed and a search, all kept in the address. */
export default function SchoolsPage() {
  const params = useFilterParams();
  const level = params.get('level');
  const clusterId = params.get('cluster');
  const state = params.get('state');
  const q = params.get('q') ?? '';
  const schools = useSchools({
    ...(level && LEVELS.includes(level) ? { level: level as School['level'] } : {}),
    ...(clusterId ? { clusterId } : {}),
    ...(state === 'open' || state === 'closed' ? { closed: state === 'closed' ? 'true' : 'false' } : {}),
    ...(q ? { q } : {}),
  });
  const clusters = useClusters();
  const [dialog, setDialog] = useState<Dialog>(null);

  useEffect(() => {
    document.title = `${s.title} - ${common.appName}`;
  }, []);

  const setParam = (name: string, value: string | undefined) => params.set({ [name]: value });

  const columns: ColumnsType<School> = [
    { title: s.code, dataIndex: 'code', key: 'code' },
    {
      title: s.name,
      key: 'name',
      render: (_, r) => (
        <>
          <div>{r.name}</div>
          {r.commune && <div className="district-muted">{r.commune}</div>}
        </>
      ),
    },
    { title: s.level, key: 'level', render: (_, r) => levelLabels[r.level] },
    { title: s.cluster, key: 'cluster', render: (_, r) => r.cluster.name },
    {
      title: s.principal,
      key: 'principal',
      render: (_, r) =>
        r.principal ? (
          r.principal.acting ? (
            s.acting(r.principal.fullName)
          ) : (
            r.principal.fullName
          )
        ) : (
          <span className="district-muted">{s.noPrincipal}</span>
        ),
    },
    {
      title: s.students,
      key: 'students',
      align: 'right',
      render: (_, r) => (r.students === null ? '' : formatNumber(r.students)),
    },
    {
      title: s.state,
      key: 'state',
      render: (_, r) =>
        r.closedAt ? (
          <>
            <Tag className="district-tag district-tag-closed">{s.closedOn(formatDate(r.closedAt))}</Tag>
            {r.closeReason && <div className="district-muted">{s.closeReasonOf(r.closeReason)}</div>}
          </>
        ) : (
          <Tag className="district-tag district-tag-open">{s.open}</Tag>
        ),
    },
    {
      title: d.actions,
      key: 'actions',
      render: (_, r) => (
        <div className="district-actions">
          <Button size="small" aria-label={s.editOf(r.name)} onClick={() => setDialog({ kind: 'edit', school: r })}>
            {s.edit}
          </Button>
          <Button
            size="small"
            aria-label={r.closedAt ? s.reopenOf(r.name) : s.closeOf(r.name)}
            onClick={() => setDialog({ kind: 'state', school: r })}
          >
            {r.closedAt ? s.reopen : s.close}
          </Button>
        </div>
      ),
    },
  ];

  return (
    <section aria-labelledby="schools-title">
      <SectionHeading
        id="schools-title"
        title={s.title}
        add={{ label: s.add, onClick: () => setDialog({ kind: 'add' }) }}
      />
      <div className="district-filters">
        <SearchBox
          id="schools-q"
          label={s.search}
          placeholder={s.searchPlaceholder}
          value={q}
          onChange={(v) => setParam('q', v)}
        />
        <FilterSelect
          id="schools-level"
          label={s.level}
          value={level ?? ''}
          onChange={(v) => setParam('level', v)}
          options={[{ value: '', label: d.all }, ...LEVELS.map((l) => ({ value: l, label: levelLabels[l] }))]}
        />
        <FilterSelect
          id="schools-cluster"
          label={s.cluster}
          value={clusterId ?? ''}
          onChange={(v) => setParam('cluster', v)}
          loading={clusters.isPending}
          options={[
            { value: '', label: d.all },
            ...(clusters.data?.items ?? []).map((c) => ({ value: c.id, label: c.name })),
          ]}
        />
        <FilterSelect
          id="schools-state"
          label={s.state}
          value={state ?? ''}
          onChange={(v) => setParam('state', v)}
          options={[
            { value: '', label: d.all },
            { value: 'open', label: s.open },
            { value: 'closed', label: s.closed },
          ]}
        />
      </div>
      {schools.isError && <PageError error={schools.error} onRetry={() => void schools.refetch()} />}
      {schools.isPending && <Skeleton active />}
      {schools.data && (
        <DistrictTable
          label={s.list}
          empty={s.empty}
          columns={columns}
          dataSource={schools.data.items}
          loading={schools.isFetching && schools.isPlaceholderData}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          footer={() => d.total(schools.data.items.length)}
        />
      )}
      {dialog?.kind === 'add' && (
        <SchoolFormDialog clusters={clusters.data?.items ?? []} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'edit' && (
        <SchoolFormDialog
          school={dialog.school}
          clusters={clusters.data?.items ?? []}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'state' && <SchoolStateDialog school={dialog.school} onClose={() => setDialog(null)} />}
    </section>
  );
}
