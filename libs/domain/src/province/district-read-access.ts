import { Injectable } from '@nestjs/common';
import type { Role } from '@duyet/database';
import { PrismaService } from '@duyet/database';
import { DomainError } from '../common/errors';
import type { AuthUser } from '../plans/access';

/** What the decision needs of a district: its id and the province it belongs to (null: none). */
export interface DistrictRef {
  id: string;
  provinceId: string | null;
}

/** The office roles that read a district's summaries by default: the consolidation's readers (issue 19). */
export const SUMMARY_READERS: readonly Role[] = ['ADMIN', 'REVIEWER'];

export type DistrictReadVerdict =
  { ok: true; via: 'OFFICE' | 'PROVINCE' } | { ok: false; code: 'NOT_FOUND' | 'FORBIDDEN' };

const NOT_FOUND = 'Không tìm thấy huyện này.';
const NOT_YOURS = 'Vai trò của bạn không được xem báo cáo tổng hợp của huyện.';
const CAMPAIGN_NOT_FOUND = 'Không tìm thấy đợt kế hoạch này.';

/**
 * Who may read a district's summaries (consolidation, documents, the province's overview), as a pure rule:
 * - a province user, every district of its own province, and no other (another's is not found: its existence is not
 *   revealed);
 * - an office user whose role is a reader, their own district only;
 * - anyone else of a district (a school's people, a role not listed) is refused in their own district, and another
 *   district is not found.
 * Nobody else ever crosses a district.
 */
export function districtReadVerdict(
  user: Pick<AuthUser, 'role' | 'districtId' | 'provinceId'>,
  district: DistrictRef | null,
  officeRoles: readonly Role[] = SUMMARY_READERS,
): DistrictReadVerdict {
  if (!district) return { ok: false, code: 'NOT_FOUND' };
  if (user.role === 'PROVINCE') {
    return user.provinceId !== null && district.provinceId === user.provinceId
      ? { ok: true, via: 'PROVINCE' }
      : { ok: false, code: 'NOT_FOUND' };
  }
  if (district.id !== user.districtId) return { ok: false, code: 'NOT_FOUND' };
  return officeRoles.includes(user.role) ? { ok: true, via: 'OFFICE' } : { ok: false, code: 'FORBIDDEN' };
}

/** A district that a reader may read, and how: an office user in their own district, or its province's user. */
export interface ReadableDistrict {
  id: string;
  code: string;
  name: string;
  province: string;
  provinceId: string | null;
  officeName: string;
  timezone: string;
  via: 'OFFICE' | 'PROVINCE';
}

/**
 * The one loader of a district for reading its summaries: every route that a province user may call (its
 * overview, a campaign's summary, the consolidation, the documents) goes through it. A reviewer gets the district
 * here; narrowing to their levels and clusters stays with the feature (schoolScopeWhere).
 */
@Injectable()
export class DistrictReadAccess {
  constructor(private readonly prisma: PrismaService) {}

  /** The district, if the user may read it; 404 for one they may not know of, 403 for their own that is not theirs to read. */
  async districtFor(
    user: AuthUser,
    districtId: string,
    officeRoles: readonly Role[] = SUMMARY_READERS,
  ): Promise<ReadableDistrict> {
    const district = await this.prisma.district.findUnique({ where: { id: districtId } });
    const verdict = districtReadVerdict(user, district, officeRoles);
    if (!verdict.ok) throw new DomainError(verdict.code, verdict.code === 'NOT_FOUND' ? NOT_FOUND : NOT_YOURS);
    if (!district) throw new DomainError('NOT_FOUND', NOT_FOUND);
    const { id, code, name, province, provinceId, officeName, timezone } = district;
    return { id, code, name, province, provinceId, officeName, timezone, via: verdict.via };
  }

  /**
   * A campaign read by its id alone (`GET /api/campaigns/:id/consolidation`, the documents): the campaign's own
   * district decides, through districtFor; a campaign the user may not read is not found, whoever asks.
   */
  async campaignFor(user: AuthUser, campaignId: string, officeRoles: readonly Role[] = SUMMARY_READERS) {
    const campaign = await this.prisma.campaign.findUnique({ where: { id: campaignId } });
    if (!campaign) throw new DomainError('NOT_FOUND', CAMPAIGN_NOT_FOUND);
    try {
      const district = await this.districtFor(user, campaign.districtId, officeRoles);
      return { district, campaign };
    } catch (err) {
      if (err instanceof DomainError && err.code === 'NOT_FOUND')
        throw new DomainError('NOT_FOUND', CAMPAIGN_NOT_FOUND);
      throw err;
    }
  }

  /** The campaign of that district (a route that names both): another district's campaign is not found. */
  async campaignOf(
    user: AuthUser,
    districtId: string,
    campaignId: string,
    officeRoles: readonly Role[] = SUMMARY_READERS,
  ) {
    const district = await this.districtFor(user, districtId, officeRoles);
    const campaign = await this.prisma.campaign.findFirst({ where: { id: campaignId, districtId: district.id } });
    if (!campaign) throw new DomainError('NOT_FOUND', CAMPAIGN_NOT_FOUND);
    return { district, campaign };
  }
}
