import type { Position } from '@duyet/database';
import { ownCapacity, sameCapacity, signingCapacity } from './signing-capacity';

const as = (position: Position, acting = false) => ({ position, acting });

describe('signingCapacity: a decision on the office’s behalf', () => {
  it.each([
    ['the head, in their own name', as('HEAD'), null, 'TRƯỞNG PHÒNG'],
    ['an acting head, with Q.', as('HEAD', true), null, 'Q. TRƯỞNG PHÒNG'],
    ['a deputy head, on the head’s behalf (KT.)', as('DEPUTY_HEAD'), null, 'KT. TRƯỞNG PHÒNG - PHÓ TRƯỞNG PHÒNG'],
    ['a specialist under a TL. delegation', as('SPECIALIST'), 'TL', 'TL. TRƯỞNG PHÒNG - CHUYÊN VIÊN'],
    ['a specialist under a TUQ. delegation', as('SPECIALIST'), 'TUQ', 'TUQ. TRƯỞNG PHÒNG - CHUYÊN VIÊN'],
    ['a specialist without a delegation, in their own name only', as('SPECIALIST'), null, 'CHUYÊN VIÊN'],
  ] as const)('%s', (_name, signer, delegation, expected) => {
    expect(signingCapacity(signer, { final: true, delegation })).toBe(expected);
  });

  it('never lets a delegation change what the head or a deputy signs', () => {
    expect(signingCapacity(as('HEAD'), { final: true, delegation: 'TUQ' })).toBe('TRƯỞNG PHÒNG');
    expect(signingCapacity(as('DEPUTY_HEAD'), { final: true, delegation: 'TL' })).toBe(
      'KT. TRƯỞNG PHÒNG - PHÓ TRƯỞNG PHÒNG',
    );
  });

  it('signs a recommendation in the recommender’s own position, never on anyone’s behalf', () => {
    expect(signingCapacity(as('SPECIALIST'), { final: false, delegation: 'TUQ' })).toBe('CHUYÊN VIÊN');
    expect(signingCapacity(as('DEPUTY_HEAD'), { final: false })).toBe('PHÓ TRƯỞNG PHÒNG');
    expect(signingCapacity(as('HEAD', true), { final: false })).toBe('Q. TRƯỞNG PHÒNG');
  });

  it('names each position in capitals, as a signature block writes it', () => {
    expect(ownCapacity(as('PRINCIPAL', true))).toBe('Q. HIỆU TRƯỞNG');
    expect(ownCapacity(as('CLERK'))).toBe('VĂN THƯ');
  });
});

describe('sameCapacity', () => {
  it('reads case, spaces and the line separator as the same capacity', () => {
    expect(sameCapacity('kt. Trưởng phòng / Phó trưởng phòng', 'KT. TRƯỞNG PHÒNG - PHÓ TRƯỞNG PHÒNG')).toBe(true);
    expect(sameCapacity('  TRƯỞNG   PHÒNG ', 'TRƯỞNG PHÒNG')).toBe(true);
  });

  it('tells a forged capacity from the real one', () => {
    expect(sameCapacity('KT. TRƯỞNG PHÒNG - CHUYÊN VIÊN', 'CHUYÊN VIÊN')).toBe(false);
    expect(sameCapacity('TRƯỞNG PHÒNG', 'Q. TRƯỞNG PHÒNG')).toBe(false);
    expect(sameCapacity('TL. TRƯỞNG PHÒNG - CHUYÊN VIÊN', 'TUQ. TRƯỞNG PHÒNG - CHUYÊN VIÊN')).toBe(false);
  });
});
