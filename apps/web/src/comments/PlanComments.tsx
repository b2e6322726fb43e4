import { Alert, App, Button, Card, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../common/format';
import { indicatorStrings } from '../plans/indicators/strings';
import { type AnchorGroup, groupByAnchor } from './anchors';
import { type Thread, useComments, useReply, useResolve, useStartComment } from './queries';
import { commentStrings as s } from './strings';
import './comments.css';

interface Props {
  planId: string;
  /** the plan's current version: the threads are read as they stand for it */
  versionNo: number;
  role: string;
  status: string;
  sections: { key: string; title: string }[];
  indicators: { code: string; label: string }[];
}

const FROZEN = ['CLOSED', 'EXEMPTED'];

/**
 * The office's comments beside what they are about: on a laptop a column next to the sections and indicators, on a
 * phone right after the sections; each group names its section or indicator and takes the cursor there. The
 * principal answers an open thread; resolved ones stay folded.
 */
export function PlanComments({ planId, versionNo, role, status, sections, indicators }: Props) {
  const comments = useComments(planId, versionNo);
  // The office writes remarks and resolves them; the principal answers them.
  const office = (role === 'REVIEWER' || role === 'ADMIN') && !FROZEN.includes(status);
  if (!comments.data || (comments.data.threads.length === 0 && !office)) return null;
  const groups = groupByAnchor(comments.data.threads, { sections, indicators });
  const open = comments.data.threads.filter((t) => t.open).length;
  const canReply = (role === 'PRINCIPAL' || office) && !FROZEN.includes(status);
  return (
    <aside className="plan-comments" aria-labelledby="plan-comments-title">
      <Card
        size="small"
        title={
          <h2 className="card-title" id="plan-comments-title">
            {s.title}
          </h2>
        }
      >
        <Typography.Paragraph className={open ? 'comments-open' : undefined}>
          {comments.data.threads.length === 0 ? s.none : s.openCount(open)}
        </Typography.Paragraph>
        {role === 'SCHOOL_STAFF' && <Typography.Paragraph type="secondary">{s.staffNote}</Typography.Paragraph>}
        {groups.map((g) => (
          <AnchorGroupView
            key={g.key}
            planId={planId}
            group={g}
            canReply={canReply}
            canResolve={office}
            indicators={indicators}
          />
        ))}
        {office && <NewComment planId={planId} sections={sections} indicators={indicators} />}
      </Card>
    </aside>
  );
}

function groupTitle(g: AnchorGroup): string {
  if (g.anchorType === 'SECTION') return s.section(g.title);
  if (g.anchorType === 'INDICATOR') return s.indicator(g.title);
  return s.general;
}

/** The field the group is about: a section's text area, an indicator's target. */
function fieldOf(g: AnchorGroup, indicators: Props['indicators']): HTMLElement | null {
  if (g.anchorType === 'SECTION') return document.getElementById(`section-${g.anchorKey}`);
  if (g.anchorType !== 'INDICATOR') return null;
  const label = indicators.find((i) => i.code === g.anchorKey)?.label;
  if (!label) return null;
  const name = indicatorStrings.targetOf(label);
  return (
    [...document.querySelectorAll<HTMLElement>('input[aria-label]')].find(
      (el) => el.getAttribute('aria-label') === name,
    ) ?? null
  );
}

function AnchorGroupView({
  planId,
  group,
  canReply,
  canResolve,
  indicators,
}: {
  planId: string;
  group: AnchorGroup;
  canReply: boolean;
  canResolve: boolean;
  indicators: Props['indicators'];
}) {
  const title = groupTitle(group);
  const goTo = () => {
    const field = fieldOf(group, indicators);
    field?.scrollIntoView({ block: 'center' });
    field?.focus({ preventScroll: true });
  };
  return (
    <section className="comment-group" aria-label={title}>
      <div className="comment-group-head">
        <h3 className="comment-group-title">{title}</h3>
        {group.anchorType !== 'GENERAL' && (
          <button type="button" onClick={goTo} className="comment-go">
            {s.goTo}
            {/* Read out with what it leads to; the visible words stay the start of the name. */}
            <span className="comment-sr"> ({group.title})</span>
          </button>
        )}
      </div>
      {group.open.map((t) => (
        <ThreadView key={t.id} planId={planId} thread={t} canReply={canReply} canResolve={canResolve} />
      ))}
      {group.resolved.length > 0 && (
        <details className="comment-resolved">
          <summary>{s.resolvedCount(group.resolved.length)}</summary>
          {group.resolved.map((t) => (
            <ThreadView key={t.id} planId={planId} thread={t} canReply={false} canResolve={false} />
          ))}
        </details>
      )}
    </section>
  );
}

function CommentView({ c }: { c: Thread['root'] }) {
  return (
    <div className="comment">
      <div className="comment-meta">
        <strong>
          {c.author.title} {c.author.fullName}
        </strong>{' '}
        <span className="comment-time">{formatDateTime(c.createdAt)}</span>
      </div>
      <p className="comment-body">{c.body}</p>
    </div>
  );
}

function ThreadView({
  planId,
  thread,
  canReply,
  canResolve,
}: {
  planId: string;
  thread: Thread;
  canReply: boolean;
  canResolve: boolean;
}) {
  const { message } = App.useApp();
  const reply = useReply(planId);
  const resolve = useResolve(planId);
  const [text, setText] = useState('');
  const inputId = `reply-${thread.id}`;
  const send = () =>
    reply.mutate(
      { commentId: thread.id, body: text },
      {
        onSuccess: () => {
          setText('');
          void message.success(s.sent);
        },
      },
    );
  return (
    <article className={`comment-thread${thread.open ? '' : ' comment-thread-resolved'}`}>
      <div className="comment-tags">
        <Tag bordered={false}>{s.fromVersion(thread.versionNo)}</Tag>
        {thread.carriedOver && thread.open && <Tag bordered={false}>{s.carriedOver}</Tag>}
        {!thread.open && <Tag bordered={false}>{s.resolved}</Tag>}
      </div>
      <CommentView c={thread.root} />
      {thread.replies.length > 0 && (
        <ol className="comment-replies">
          {thread.replies.map((r) => (
            <li key={r.id}>
              <CommentView c={r} />
            </li>
          ))}
        </ol>
      )}
      {thread.resolved && (
        <p className="comment-resolved-by">
          {s.resolvedBy(
            thread.resolved.by ? `${thread.resolved.by.title} ${thread.resolved.by.fullName}` : '',
            formatDateTime(thread.resolved.at),
            thread.resolved.versionNo,
          )}
        </p>
      )}
      {canReply && thread.open && (
        <div className="comment-reply">
          <label htmlFor={inputId} className="comment-reply-label">
            {s.replyLabel(thread.root.author.fullName)}
          </label>
          <Input.TextArea
            id={inputId}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={s.replyPlaceholder}
            autoSize={{ minRows: 2, maxRows: 8 }}
          />
          {reply.error && <Alert type="error" role="alert" showIcon title={reply.error.message} />}
          <Button type="primary" onClick={send} loading={reply.isPending} disabled={!text.trim()}>
            {s.send}
          </Button>
        </div>
      )}
      {canResolve && thread.open && (
        <div className="comment-resolve">
          {resolve.error && <Alert type="error" role="alert" showIcon title={resolve.error.message} />}
          <Button
            onClick={() => resolve.mutate(thread.id, { onSuccess: () => void message.success(s.resolvedDone) })}
            loading={resolve.isPending}
          >
            {s.resolve}
            <span className="comment-sr"> ({thread.root.body.slice(0, 60)})</span>
          </Button>
        </div>
      )}
    </article>
  );
}

/** The office's new remark: on the plan as a whole, a section or an indicator, written on the version under review. */
function NewComment({ planId, sections, indicators }: Pick<Props, 'planId' | 'sections' | 'indicators'>) {
  const { message } = App.useApp();
  const start = useStartComment(planId);
  const [anchor, setAnchor] = useState('GENERAL');
  const [text, setText] = useState('');
  const send = () => {
    const [anchorType, anchorKey] = anchor.split(':') as [Thread['anchorType'], string | undefined];
    start.mutate(
      { anchorType, anchorKey, body: text.trim() },
      {
        onSuccess: () => {
          setText('');
          void message.success(s.commentSent);
        },
      },
    );
  };
  return (
    <section className="comment-new" aria-labelledby="comment-new-title">
      <h3 className="comment-group-title" id="comment-new-title">
        {s.newTitle}
      </h3>
      <label htmlFor="comment-anchor" className="comment-reply-label">
        {s.anchor}
      </label>
      <select id="comment-anchor" className="comment-anchor" value={anchor} onChange={(e) => setAnchor(e.target.value)}>
        <option value="GENERAL">{s.general}</option>
        <optgroup label={s.sectionsGroup}>
          {sections.map((x) => (
            <option key={x.key} value={`SECTION:${x.key}`}>
              {s.section(x.title)}
            </option>
          ))}
        </optgroup>
        <optgroup label={s.indicatorsGroup}>
          {indicators.map((x) => (
            <option key={x.code} value={`INDICATOR:${x.code}`}>
              {s.indicator(x.label)}
            </option>
          ))}
        </optgroup>
      </select>
      <label htmlFor="comment-body" className="comment-reply-label">
        {s.body}
      </label>
      <Input.TextArea
        id="comment-body"
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 2, maxRows: 8 }}
      />
      {start.error && <Alert type="error" role="alert" showIcon title={start.error.message} />}
      <Button type="primary" onClick={send} loading={start.isPending} disabled={!text.trim()}>
        {s.sendComment}
      </Button>
    </section>
  );
}
