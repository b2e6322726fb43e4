import { Card, Typography } from 'antd';
import { Suspense, lazy } from 'react';
import { useMe } from '../../auth/queries';
import { useComments } from '../../comments/queries';
import type { Plan } from '../queries';
import { lastSeenVersion } from './last-seen';
import { reviewPlanStrings as s } from './strings';

const DiffView = lazy(() => import('../../versions/VersionsCard').then((m) => ({ default: m.DiffView })));

/** What changed in the version waiting since the one the reviewer last acted on (or the one before it), inline. */
export function ChangesSince({ plan }: { plan: Plan }) {
  const me = useMe();
  const comments = useComments(plan.id, plan.currentVersionNo);
  if (!me.data || !comments.data) return null;
  const myId = me.data.id;
  const myCommentVersions = comments.data.threads.flatMap((t) =>
    [t.root, ...t.replies].filter((c) => c.author.id === myId).map((c) => c.versionNo),
  );
  const seen = lastSeenVersion({
    currentVersionNo: plan.currentVersionNo,
    versions: plan.versions,
    decisions: plan.decisions,
    myCommentVersions,
    me: myId,
  });
  if (!seen) return null;
  return (
    <Card size="small" className="review-changes" title={<h2 className="card-title">{s.changesTitle(seen.number)}</h2>}>
      <Typography.Paragraph type="secondary">{s.changesWhy(seen.number, seen.mine)}</Typography.Paragraph>
      <Suspense fallback={null}>
        <DiffView planId={plan.id} pair={{ from: seen.number, to: plan.currentVersionNo }} draftStamp="" />
      </Suspense>
    </Card>
  );
}
