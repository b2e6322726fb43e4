import { Table, Tag } from 'antd';
import type { ColumnsType, SorterResult } from 'antd/es/table/interface';
import { Link } from 'react-router';
import { formatDateTime } from '../common/format';
import { planStatusLabel, statusTagStyle } from '../common/status';
import { type BoardView, PAGE_SIZES, type SortKey, sortOf, sortParts } from './board-params';
import type { BoardItem, BoardPage } from './queries';
import { boardStrings as s, levelLabel } from './strings';

interface Props {
  view: BoardView;
  data: BoardPage | undefined;
  loading: boolean;
  /** null: the reader may not remind, so rows are not selectable */
  selected: string[] | null;
  onSelect: (planIds: string[]) => void;
  onChange: (change: Partial<BoardView>) => void;
}

/** The board's rows, a page at a time; the order and page go to the address like the filter. */
export function BoardTable({ view, data, loading, selected, onSelect, onChange }: Props) {
  const current = sortParts(view.sort);
  const sortable = (key: SortKey) => ({
    key,
    sorter: true,
    sortOrder: current.key === key ? current.order : null,
    sortDirections: ['descend', 'ascend'] as ('descend' | 'ascend')[],
  });
  const columns: ColumnsType<BoardItem> = [
    {
      title: s.school,
      ...sortable('school'),
      render: (_, r) => (
        <div className="board-school">
          <Link to={`/plans/${r.planId}`}>{r.school.name}</Link>
          <span className="board-muted">{r.school.code}</span>
        </div>
      ),
    },
    {
      title: s.levelCluster,
      key: 'level',
      render: (_, r) => (
        <span>
          {levelLabel[r.school.level]}, {s.clusterName(r.school.cluster)}
        </span>
      ),
    },
    { title: s.campaignCol, key: 'campaign', render: (_, r) => r.campaign.title, className: 'board-campaign' },
    {
      title: s.status,
      ...sortable('status'),
      render: (_, r) => (
        <div className="board-status">
          <Tag style={statusTagStyle(r.status)}>{planStatusLabel(r.status)}</Tag>
          {r.waitingOnLabel && <span className="board-muted">{r.waitingOnLabel}</span>}
        </div>
      ),
    },
    {
      title: s.deadline,
      ...sortable('deadline'),
      render: (_, r) => (r.deadline ? formatDateTime(r.deadline) : '-'),
    },
    {
      title: s.daysOverdue,
      ...sortable('daysOverdue'),
      align: 'right',
      render: (_, r) =>
        r.overdue ? <span className="board-overdue">{r.daysOverdue}</span> : <span>{s.notOverdue}</span>,
    },
    { title: s.daysInState, ...sortable('daysInState'), align: 'right', render: (_, r) => r.daysInState },
    {
      title: s.reminders,
      key: 'reminders',
      render: (_, r) => (
        <div className="board-reminders">
          <span>{s.remindersCount(r.remindersSent)}</span>
          {r.lastReminderAt && <span className="board-muted">{s.lastReminder(formatDateTime(r.lastReminderAt))}</span>}
        </div>
      ),
    },
    {
      title: s.paperCopies,
      key: 'paper',
      align: 'right',
      render: (_, r) =>
        r.paperCopies.required > 0 ? (
          <>
            {s.paperOf(r.paperCopies.received, r.paperCopies.required)}
            {r.paperCopies.missing > 0 && (
              <div className="board-paper-missing">{s.paperShort(r.paperCopies.missing)}</div>
            )}
          </>
        ) : (
          s.notOverdue
        ),
    },
    { title: s.reviewer, key: 'reviewer', render: (_, r) => r.reviewer?.fullName ?? s.noReviewer },
  ];

  return (
    <Table<BoardItem>
      className="board-table"
      rowKey="planId"
      size="small"
      columns={columns}
      dataSource={data?.items}
      loading={loading}
      scroll={{ x: 1200 }}
      locale={{ emptyText: s.empty }}
      rowClassName={(r) => (r.overdue ? 'board-row-overdue' : '')}
      rowSelection={
        selected
          ? {
              selectedRowKeys: selected,
              onChange: (keys) => onSelect(keys.map(String)),
              hideSelectAll: true,
              columnTitle: <span className="board-sr-only">{s.selectColumn}</span>,
              getCheckboxProps: (r) => ({
                // Only a plan waiting on its school is reminded.
                disabled: r.waitingOn !== 'SCHOOL',
                'aria-label': s.selectRow(r.school.name),
              }),
            }
          : undefined
      }
      pagination={{
        current: view.page,
        pageSize: view.pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: PAGE_SIZES.map(String),
        showTotal: (total) => s.total(total),
      }}
      onChange={(pagination, _filters, sorter, extra) => {
        if (extra.action === 'sort') {
          const one = sorter as SorterResult<BoardItem>;
          onChange({ sort: sortOf(one.columnKey as SortKey, one.order) });
        } else if (extra.action === 'paginate') {
          onChange({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? view.pageSize });
        }
      }}
    />
  );
}
