import { DownloadOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMe } from '../auth/queries';
import { PageError } from '../common/PageError';
import { planStatusLabel, statusTagStyle } from '../common/status';
import { common } from '../common/strings';
import { BoardFilters } from './BoardFilters';
import { BoardTable } from './BoardTable';
import { FailedEmails } from './FailedEmails';
import { RemindDialog } from './RemindDialog';
import { type BoardView, STATUSES, changeView, csvHref, searchOf, viewFrom } from './board-params';
import { type BoardPage as BoardData, useBoard } from './queries';
import { boardStrings as s } from './strings';
import './board.css';

/** The API's authority: the office head and reviewers may remind; the clerk reads the board only. */
const MAY_REMIND = ['ADMIN', 'REVIEWER'];

export default function BoardPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => viewFrom(params), [params]);
  const board = useBoard(view);
  const [selected, setSelected] = useState<string[]>([]);
  const [reminding, setReminding] = useState(false);
  const role = me.data?.role;
  const mayRemind = MAY_REMIND.includes(role ?? '');
  const isAdmin = role === 'ADMIN';

  useEffect(() => {
    document.title = `${s.title} - ${common.appName}`;
  }, []);

  const change = (c: Partial<BoardView>) => {
    // A ticked row of another filter or page is not what the reader sees any more.
    setSelected([]);
    setParams(searchOf(changeView(view, c)));
  };

  const seenClusters = useMemo(() => [...new Set(board.data?.items.map((i) => i.school.cluster) ?? [])], [board.data]);

  return (
    <>
      <Typography.Title level={1} className="page-title">
        {s.title}
      </Typography.Title>
      <p className="board-intro">{s.intro}</p>
      <BoardFilters view={view} isAdmin={isAdmin} seenClusters={seenClusters} onChange={change} />
      {board.isError && !board.data && <PageError error={board.error} onRetry={() => void board.refetch()} />}
      {board.data && <Summary data={board.data} isAdmin={isAdmin} />}
      <div className="board-actions">
        <Button icon={<DownloadOutlined aria-hidden />} href={csvHref(view)} download>
          {s.exportCsv}
        </Button>
        {mayRemind && (
          <Button
            type="primary"
            icon={<SendOutlined aria-hidden />}
            onClick={() => setReminding(true)}
            disabled={!board.data}
          >
            {selected.length ? s.remindSelected(selected.length) : s.remindFilter}
          </Button>
        )}
      </div>
      <section aria-label={s.table}>
        <BoardTable
          view={view}
          data={board.data}
          loading={board.isFetching}
          selected={mayRemind ? selected : null}
          onSelect={setSelected}
          onChange={change}
        />
      </section>
      {isAdmin && <FailedEmails campaignId={view.campaignId} />}
      {reminding && (
        <RemindDialog
          filter={view}
          planIds={selected}
          onClose={(sent) => {
            setReminding(false);
            if (sent) setSelected([]);
          }}
        />
      )}
    </>
  );
}

/** Counts of the whole filter, not of the page: by state, overdue, and (office head) failed e-mails. */
function Summary({ data, isAdmin }: { data: BoardData; isAdmin: boolean }) {
  const counts = STATUSES.filter((st) => data.summary.byStatus[st] > 0);
  return (
    <section className="board-summary" aria-label={s.summary}>
      <p className="board-total">{s.total(data.total)}</p>
      <ul className="board-counts">
        {counts.map((st) => (
          <li key={st} className="board-count" style={statusTagStyle(st)}>
            <span>{planStatusLabel(st)}</span>
            <strong>{data.summary.byStatus[st]}</strong>
          </li>
        ))}
        <li className="board-count board-count-overdue">
          <span>{s.overdue}</span>
          <strong>{data.summary.overdue}</strong>
        </li>
        <li className="board-count board-count-paper">
          <span>{s.paperMissingCount}</span>
          <strong>{data.summary.paperCopiesMissing}</strong>
        </li>
        {isAdmin && data.summary.failedEmails !== undefined && (
          <li className="board-count board-count-failed">
            <span>{s.failedEmails}</span>
            <strong>{data.summary.failedEmails}</strong>
          </li>
        )}
      </ul>
    </section>
  );
}
