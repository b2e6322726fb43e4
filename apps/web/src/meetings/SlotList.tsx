import {
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ArrowDownOutlined, ArrowUpOutlined, HolderOutlined } from '@ant-design/icons';
import { Alert, Button, Empty } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { formatTime } from '../common/format';
import { moveItem } from './meeting-logic';
import { OutcomeTag, PlanStatusTag } from './MeetingStatusTag';
import { type Slot, useReorder } from './queries';
import { meetingStrings as s } from './strings';

interface Props {
  meetingId: string;
  slots: Slot[];
  /** the admin may reorder a scheduled meeting */
  editable: boolean;
  /** what else can be done with one school (move, back to desk) */
  actions?: (slot: Slot) => ReactNode;
}

const nameOf = (slots: Slot[], id: string | number) => slots.find((x) => x.id === id)?.school.name ?? '';

/**
 * The running order. Reordered by dragging a row's handle (mouse, touch, or the keyboard: space to lift, arrows to
 * move, space to drop) or with the up and down buttons; the new order goes to the API at once and shows meanwhile.
 */
export function SlotList({ meetingId, slots, editable, actions }: Props) {
  const reorder = useReorder(meetingId);
  const [pending, setPending] = useState<string[] | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const byId = new Map(slots.map((x) => [x.id, x]));
  const ids = pending ?? slots.map((x) => x.id);
  const ordered = ids.flatMap((id) => byId.get(id) ?? []);

  const send = (next: readonly string[]) => {
    if (next === ids) return;
    setPending([...next]);
    reorder.mutate([...next], { onSettled: () => setPending(null) });
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    send(moveItem(ids, ids.indexOf(String(active.id)), ids.indexOf(String(over.id))));
  };

  if (slots.length === 0) return <Empty description={s.noSlots} />;
  const position = (id: string | number) => ids.indexOf(String(id)) + 1;
  return (
    <>
      {editable && <p className="meetings-intro">{s.orderHelp}</p>}
      {reorder.error && (
        <Alert type="error" showIcon role="alert" title={reorder.error.message} className="slot-error" />
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{
          screenReaderInstructions: { draggable: s.orderHelp },
          announcements: {
            onDragStart: ({ active }) => `Đã nhấc ${nameOf(slots, active.id)}, đang ở vị trí ${position(active.id)}.`,
            onDragOver: ({ active, over }) =>
              over ? `${nameOf(slots, active.id)} đang ở vị trí ${position(over.id)}.` : undefined,
            onDragEnd: ({ active, over }) =>
              over ? `Đã đặt ${nameOf(slots, active.id)} vào vị trí ${position(over.id)}.` : undefined,
            onDragCancel: ({ active }) => `Đã hủy kéo ${nameOf(slots, active.id)}.`,
          },
        }}
      >
        <SortableContext items={ids} strategy={verticalListSortingStrategy}>
          <ol className="slot-list" aria-label={s.order} aria-busy={reorder.isPending}>
            {ordered.map((slot, i) => (
              <SlotRow
                key={slot.id}
                slot={slot}
                index={i}
                editable={editable && !slot.outcome}
                busy={reorder.isPending}
                onUp={() => send(moveItem(ids, i, i - 1))}
                onDown={() => send(moveItem(ids, i, i + 1))}
                first={i === 0}
                last={i === ordered.length - 1}
                actions={actions?.(slot)}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
    </>
  );
}

interface RowProps {
  slot: Slot;
  index: number;
  editable: boolean;
  busy: boolean;
  first: boolean;
  last: boolean;
  onUp: () => void;
  onDown: () => void;
  actions?: ReactNode;
}

function SlotRow({ slot, index, editable, busy, first, last, onUp, onDown, actions }: RowProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: slot.id,
    disabled: !editable || busy,
  });
  const name = slot.school.name;
  return (
    <li
      ref={setNodeRef}
      className={isDragging ? 'slot-row slot-dragging' : 'slot-row'}
      style={{ transform: CSS.Transform.toString(transform), transition }}
    >
      {editable && (
        <button
          type="button"
          ref={setActivatorNodeRef}
          className="slot-handle"
          {...attributes}
          {...listeners}
          aria-label={s.dragHandle(name)}
          aria-roledescription="tay nắm kéo thả"
        >
          <HolderOutlined aria-hidden />
        </button>
      )}
      <span className="slot-position" aria-hidden>
        {index + 1}
      </span>
      <div className="slot-main">
        <Link to={`/plans/${slot.plan.id}`} className="slot-school">
          {name}
        </Link>
        <div className="slot-meta">
          <span>
            {formatTime(slot.startsAt)} - {formatTime(slot.endsAt)}
          </span>
          <PlanStatusTag status={slot.plan.status} />
          <OutcomeTag outcome={slot.outcome} />
        </div>
        {slot.comment && <p className="slot-comment">{slot.comment}</p>}
      </div>
      <div className="slot-actions" role="group" aria-label={s.slotActions(name)}>
        {editable && (
          <>
            <Button icon={<ArrowUpOutlined />} aria-label={s.moveUp(name)} disabled={first || busy} onClick={onUp} />
            <Button
              icon={<ArrowDownOutlined />}
              aria-label={s.moveDown(name)}
              disabled={last || busy}
              onClick={onDown}
            />
          </>
        )}
        {actions}
      </div>
    </li>
  );
}
