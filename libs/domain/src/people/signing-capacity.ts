import type { DelegationKind, Position } from '@duyet/database';

// The capacity in which someone signs (Nghị định 30/2020/NĐ-CP, thể thức chữ ký): computed by the server from the
// signer's position and the head's delegations, never taken from the client. Lines of a signature block are joined
// with " - " (the minutes split them there): "KT. TRƯỞNG PHÒNG - PHÓ TRƯỞNG PHÒNG".

/** What the capacity depends on: the signer's position, whether they act (Q.), and a delegation from the head in force. */
export interface Signer {
  position: Position;
  acting: boolean;
}

/** Whose authority the office's decisions carry: the head of the office (Trưởng phòng). */
const HEAD = 'TRƯỞNG PHÒNG';

const OWN: Record<Position, string> = {
  HEAD,
  DEPUTY_HEAD: 'PHÓ TRƯỞNG PHÒNG',
  SPECIALIST: 'CHUYÊN VIÊN',
  CLERK: 'VĂN THƯ',
  PRINCIPAL: 'HIỆU TRƯỞNG',
  DEPUTY_PRINCIPAL: 'PHÓ HIỆU TRƯỞNG',
  GROUP_LEADER: 'TỔ TRƯỞNG CHUYÊN MÔN',
  STAFF: 'GIÁO VIÊN',
  PROVINCE_OFFICER: 'CÁN BỘ SỞ GD&ĐT',
};

/** Their own position, as a signature says it: "Q. TRƯỞNG PHÒNG" for an acting head. */
export function ownCapacity(s: Signer): string {
  return `${s.acting ? 'Q. ' : ''}${OWN[s.position]}`;
}

/**
 * The capacity of a signature on the office's behalf (a decision, a directive):
 * - the head signs in their own name: "TRƯỞNG PHÒNG", or "Q. TRƯỞNG PHÒNG" when acting;
 * - a deputy head signs on the head's behalf (ký thay): "KT. TRƯỞNG PHÒNG - PHÓ TRƯỞNG PHÒNG";
 * - anyone else signs on the head's behalf only under a delegation in force: "TL. TRƯỞNG PHÒNG - CHUYÊN VIÊN"
 *   (thừa lệnh) or "TUQ. TRƯỞNG PHÒNG - CHUYÊN VIÊN" (thừa ủy quyền);
 * - without one, in their own name ("CHUYÊN VIÊN"): a view of their own, not the office's signature.
 * A recommendation (two-level approval) is never signed on anyone's behalf: it carries the recommender's own position.
 */
export function signingCapacity(s: Signer, opts: { final: boolean; delegation?: DelegationKind | null }): string {
  if (!opts.final || s.position === 'HEAD') return ownCapacity(s);
  if (s.position === 'DEPUTY_HEAD') return `KT. ${HEAD} - ${ownCapacity(s)}`;
  if (opts.delegation) return `${opts.delegation}. ${HEAD} - ${ownCapacity(s)}`;
  return ownCapacity(s);
}

/** Two ways of writing one capacity: case, spaces and the separator ("-" or "/") aside. */
export function sameCapacity(a: string, b: string): boolean {
  const norm = (c: string) =>
    c
      .normalize('NFC')
      .toLocaleUpperCase('vi')
      .replace(/\s*[-/–]\s*/g, ' - ')
      .replace(/\s+/g, ' ')
      .trim();
  return norm(a) === norm(b);
}
