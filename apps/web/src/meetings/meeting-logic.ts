// The meeting pages' pure rules: the running order after a move, which school the room shows, the words for an
// invitation, the revision deadline a date stands for.
import { meetingStrings as s } from './strings';

/** The ids in their new order after the one at `from` is put at `to`; the same array when nothing moves. */
export function moveItem<T>(items: readonly T[], from: number, to: number): readonly T[] {
  if (from === to || from < 0 || to < 0 || from >= items.length || to >= items.length) return items;
  const next = [...items];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved);
  return next;
}

interface SlotLike {
  id: string;
  outcome?: string | null;
}

/**
 * The school the room shows: the one the chair picked, else the one presenting by the clock, else the first not yet
 * decided, else the first.
 */
export function presentingSlotId(
  slots: readonly SlotLike[],
  chosen: string | null,
  currentByClock: string | null,
): string | null {
  if (chosen && slots.some((x) => x.id === chosen)) return chosen;
  if (currentByClock && slots.some((x) => x.id === currentByClock)) return currentByClock;
  return (slots.find((x) => !x.outcome) ?? slots[0])?.id ?? null;
}

export interface InvitationView {
  state: string;
  delivery: string;
}

/** "Đã gửi lịch cập nhật (thư đã đi)"; nothing sent yet for a guest or a fresh row. */
export function invitationText(inv: InvitationView | null | undefined): string {
  if (!inv) return s.noInvitation;
  return `${s.invitationState[inv.state] ?? inv.state} (${s.delivery[inv.delivery] ?? inv.delivery})`;
}

/** A revision deadline picked as a day: the end of that working day, 17:00 in Vietnam, as the office writes it. */
export const revisionDeadlineOf = (day: string): string => `${day}T17:00:00+07:00`;

/** The same instant `offsetMs` after the server said `serverNow`: the room's clock ticks between reads. */
export const serverClock = (serverNow: string, readAt: number, now: number): Date =>
  new Date(Date.parse(serverNow) + (now - readAt));
