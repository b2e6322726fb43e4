import { Button } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useReviewQueue } from '../../review/queries';
import { neighbours, planLink, queueQuery, queueSearch } from '../../review/queue-params';
import { reviewPlanStrings as s } from './strings';
import './review.css';

/** Typing in a field keeps its letters: the plain-letter keys act only outside one; Alt+arrows act everywhere. */
const typing = (el: EventTarget | null): boolean =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

/**
 * The previous and next plan of the queue the reviewer came from, with its filters (they ride in the address):
 * buttons, and J/K or Alt+→/← from anywhere on the page; where the reviewer has arrived is read out.
 */
export function QueueNav({ planId }: { planId: string }) {
  const [params] = useSearchParams();
  const q = useMemo(() => queueQuery(params), [params]);
  const queue = useReviewQueue(q);
  const navigate = useNavigate();
  const [announced, setAnnounced] = useState('');
  const ids = queue.data?.items.map((i) => i.id) ?? [];
  const { prev, next, index } = neighbours(ids, planId);
  const total = ids.length;

  // Moves land here: say where the reviewer is now, once the queue knows.
  const lastAnnounced = useRef('');
  useEffect(() => {
    if (!queue.data || index < 0 || lastAnnounced.current === planId) return;
    const school = queue.data.items[index].school.name;
    if (lastAnnounced.current) setAnnounced(s.opened(school, index + 1, total));
    lastAnnounced.current = planId;
  }, [queue.data, index, planId, total]);

  useEffect(() => {
    const go = (id: string | undefined) => id && void navigate(planLink(id, q));
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey) return;
      let target: string | undefined;
      if (e.altKey && e.key === 'ArrowRight') target = next;
      else if (e.altKey && e.key === 'ArrowLeft') target = prev;
      else if (!e.altKey && !e.shiftKey && !typing(e.target) && (e.key === 'j' || e.key === 'k')) {
        target = e.key === 'j' ? next : prev;
      } else return;
      if (!target) return;
      e.preventDefault();
      go(target);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate, next, prev, q]);

  return (
    <nav className="queue-nav" aria-label={s.queueNav}>
      <Link to={`/queue${queueSearch(q)}`}>{s.backToQueue}</Link>
      <span className="queue-nav-where">
        {queue.data ? (index >= 0 ? s.position(index + 1, total) : s.notInQueue(total)) : ''}
      </span>
      <span className="queue-nav-buttons">
        <Button
          disabled={!prev}
          onClick={() => prev && void navigate(planLink(prev, q))}
          aria-keyshortcuts="k Alt+ArrowLeft"
        >
          {s.prev}
        </Button>
        <Button
          disabled={!next}
          onClick={() => next && void navigate(planLink(next, q))}
          aria-keyshortcuts="j Alt+ArrowRight"
        >
          {s.next}
        </Button>
      </span>
      <span className="queue-nav-keys">{s.keys}</span>
      <span className="review-sr" role="status" aria-live="polite">
        {announced}
      </span>
    </nav>
  );
}
