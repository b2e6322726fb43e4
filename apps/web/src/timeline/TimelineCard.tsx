import { Alert, Card, Skeleton } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../common/format';
import { foldDraftSaves } from './fold';
import { usePlanTimeline } from './queries';
import { timelineStrings as s } from './strings';
import './timeline.css';

interface Props {
  planId: string;
  /** where the plan stands ("DRAFTING:1:7"): a change brings the trail again */
  stamp: string;
}

const RECENT = 8;

/** The plan's audit trail, one Vietnamese sentence per event (the API's `summary`), the latest at the bottom. */
export function TimelineCard({ planId, stamp }: Props) {
  const trail = usePlanTimeline(planId, stamp);
  const [all, setAll] = useState(false);
  const lines = foldDraftSaves(trail.data ?? []);
  const shown = all ? lines : lines.slice(-RECENT);
  return (
    <Card title={<h2 className="card-title">{s.title}</h2>} size="small" className="timeline">
      {trail.error && <Alert type="error" role="alert" showIcon title={trail.error.message} />}
      {!trail.data && !trail.error && <Skeleton active />}
      {trail.data && lines.length === 0 && <p>{s.empty}</p>}
      {lines.length > RECENT && (
        <button type="button" onClick={() => setAll(!all)} className="timeline-link timeline-more">
          {all ? s.showRecent : s.showAll(lines.length)}
        </button>
      )}
      {shown.length > 0 && (
        <ol className="timeline-list" aria-label={s.list}>
          {shown.map((l) => (
            <li key={l.id}>
              <time dateTime={l.at} className="timeline-time">
                {formatDateTime(l.at)}
              </time>
              <span className="timeline-text">
                {l.summary}
                {l.count > 1 && ` ${s.saves(l.count)}`}
              </span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
