import { PassThrough, type Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { PrismaService, type Role, type SchoolLevel } from '@duyet/database';
import type { AuthUser } from '../plans/access';
import { ClockService } from '../calendar/clock.service';
import { DomainError } from '../common/errors';
import { type ConsolidationScope, ConsolidationService } from '../consolidation/consolidation.service';
import { DistrictReadAccess, SUMMARY_READERS } from '../province/district-read-access';
import { readCampaignSections } from '../plan-content/content';
import { type IndicatorTarget, campaignTargets, targetText } from './campaign-targets';
import { buildDirectiveDocx } from './directive-docx';
import { officeIssuer } from './docx-blocks';
import { buildReportDocx } from './report-docx';
import { LEVEL_NAMES, reportIndicators } from './report-figures';
import { type ReportSchoolRow, type ReportScope, reportRowsSql } from './report-rows';
import { writeReportXlsx } from './report-xlsx';

export interface DocumentFile {
  fileName: string;
  content: Buffer;
}

// Small pages: a page's rows are garbage once written, and short-lived garbage never reaches the old generation.
const BATCH = 500;
const day = (d: Date) => d.toISOString().slice(0, 10);

/** The office roles that read the directive (besides the province's user). */
const DIRECTIVE_READERS: readonly Role[] = ['ADMIN', 'REVIEWER', 'CLERK'];

/** Where the office's report goes: upward, and kept (nơi nhận). */
const REPORT_DISTRIBUTION = ['UBND huyện (để b/c);', 'Sở GD&ĐT (để b/c);', 'Lãnh đạo Phòng;', 'Lưu: VT.'];

/** The documents of a campaign the office files: the directive, and the consolidated report (DOCX, XLSX). */
@Injectable()
export class CampaignDocumentsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly clock: ClockService,
    private readonly access: DistrictReadAccess,
    private readonly consolidation: ConsolidationService,
  ) {}

  /**
   * The campaign with what the documents print, for a reader DistrictReadAccess lets in: an office user of these
   * roles in their own district, or the province's user (Sở GD&ĐT) for any district of its province.
   */
  private async load(user: AuthUser, id: string, officeRoles: readonly Role[]) {
    const { district } = await this.access.campaignFor(user, id, officeRoles);
    const campaign = await this.prisma.campaign.findFirstOrThrow({
      where: { id, districtId: district.id },
      include: {
        district: true,
        targets: true,
        signer: { select: { fullName: true, title: true } },
        receiver: { select: { fullName: true, title: true } },
      },
    });
    const catalogue = await this.prisma.indicator.findMany({
      where: { districtId: district.id, code: { in: campaign.requiredIndicators } },
    });
    return { campaign, targets: campaignTargets(campaign, catalogue) };
  }

  /** The directive (DOCX), for the office (admins, reviewers and the clerk) and the province's user. */
  async directive(user: AuthUser, id: string): Promise<DocumentFile> {
    if (!DIRECTIVE_READERS.includes(user.role) && user.role !== 'PROVINCE') {
      throw new DomainError('FORBIDDEN', 'Chỉ cán bộ Phòng GD&ĐT được tải văn bản chỉ đạo.');
    }
    const { campaign: c, targets } = await this.load(user, id, DIRECTIVE_READERS);
    const phases = Array.isArray(c.phases) ? (c.phases as { name: string; from: string; to: string }[]) : [];
    const clusters = c.targetClusters.length
      ? await this.prisma.cluster.findMany({
          where: { districtId: c.districtId, code: { in: c.targetClusters } },
          orderBy: { code: 'asc' },
        })
      : [];
    const content = await buildDirectiveDocx({
      issuer: officeIssuer({ name: c.district.name, officeName: c.district.officeName }),
      districtName: c.district.name,
      officeName: c.district.officeName,
      timeZone: c.district.timezone,
      documentNumber: c.documentNumber,
      issuedOn: c.issuedOn,
      title: c.title,
      legalBases: c.legalBases,
      period: { from: c.periodFrom, to: c.periodTo },
      phases: phases.map((p) => ({ name: p.name, from: new Date(p.from), to: new Date(p.to) })),
      levels: c.targetLevels.map((l) => LEVEL_NAMES[l]),
      clusters: clusters.map((k) => k.name),
      sections: readCampaignSections(c.sections),
      indicators: targets.map((t) => ({
        label: t.label,
        level: t.level ? LEVEL_NAMES[t.level] : 'Các cấp học',
        unit: t.unit,
        target: targetText(t),
      })),
      submissionDeadline: c.submissionDeadline,
      paperCopies: c.paperCopies,
      receiver: c.receiver ? `${c.receiver.fullName} - ${c.receiver.title}` : null,
      reviewMode: c.reviewMode,
      signer: c.signer ? { capacity: c.signerTitle ?? c.signer.title, fullName: c.signer.fullName } : null,
      distribution: c.distribution,
    });
    return { fileName: `Kế hoạch ${c.documentNumber.replaceAll('/', '-')}.docx`, content };
  }

  /**
   * The consolidated report (DOCX): the Decree 30 frame, the consolidation's figures per indicator (by level and for
   * the district, or a reviewer's share of it).
   */
  async reportDocx(user: AuthUser, id: string): Promise<DocumentFile> {
    this.checkReportReader(user);
    const { campaign: c } = await this.load(user, id, SUMMARY_READERS);
    const figures = await this.consolidation.forCampaign(c.districtId, c.id, this.consolidationScope(user));
    const content = await buildReportDocx({
      issuer: officeIssuer({ name: c.district.name, officeName: c.district.officeName }),
      districtName: c.district.name,
      officeName: c.district.officeName,
      timeZone: c.district.timezone,
      number: 'Số:      /BC-PGDĐT',
      date: this.clock.now(),
      campaign: { documentNumber: c.documentNumber, title: c.title, issuedOn: c.issuedOn },
      totals: { schools: figures.plans.total, submitted: figures.plans.submitted, approved: figures.plans.approved },
      indicators: reportIndicators(figures),
      signer: c.signer ? { capacity: c.signerTitle ?? c.signer.title, fullName: c.signer.fullName } : null,
      distribution: REPORT_DISTRIBUTION,
    });
    return {
      fileName: `Báo cáo tổng hợp ${c.documentNumber.replaceAll('/', '-')} ${day(this.clock.now())}.docx`,
      content,
    };
  }

  /**
   * The consolidated report (XLSX), one sheet per level, streamed: the checks run before the first byte, then the
   * rows flow from the database to the client page by page. A failure midway aborts the stream (never a truncated
   * file that looks whole).
   */
  async reportXlsx(user: AuthUser, id: string): Promise<{ fileName: string; stream: Readable }> {
    this.checkReportReader(user);
    const { campaign: c, targets } = await this.load(user, id, SUMMARY_READERS);
    const scope = this.reportScope(user, c.districtId, c.id);
    const stream = new PassThrough();
    const sheets = c.targetLevels.map((level) => {
      const indicators = targets.filter((t: IndicatorTarget) => t.level === null || t.level === level);
      return {
        name: LEVEL_NAMES[level],
        indicators,
        rows: this.rowBatches(
          scope,
          level,
          indicators.map((i) => i.code),
        ),
      };
    });
    writeReportXlsx(stream, { creator: c.district.officeName }, sheets).catch((err: unknown) =>
      stream.destroy(err instanceof Error ? err : new Error(String(err))),
    );
    return { fileName: `Tổng hợp ${c.documentNumber.replaceAll('/', '-')}.xlsx`, stream };
  }

  private checkReportReader(user: AuthUser) {
    if (!SUMMARY_READERS.includes(user.role) && user.role !== 'PROVINCE') {
      throw new DomainError('FORBIDDEN', 'Chỉ lãnh đạo và chuyên viên Phòng GD&ĐT được xem báo cáo tổng hợp.');
    }
  }

  /** A reviewer's levels and clusters; the admin and the province's user read the whole district. */
  private consolidationScope(user: AuthUser): ConsolidationScope | undefined {
    return user.role === 'REVIEWER' ? { levels: user.reviewLevels, clusterIds: user.reviewClusterIds } : undefined;
  }

  private reportScope(user: AuthUser, districtId: string, campaignId: string): ReportScope {
    return {
      districtId,
      campaignId,
      // The province's user reads the whole district, as its admin does.
      role: user.role === 'PROVINCE' ? 'ADMIN' : user.role,
      reviewLevels: user.reviewLevels,
      reviewClusterIds: user.reviewClusterIds,
    };
  }

  /**
   * The level's schools a page at a time, by school code. The next page is asked for before this one is handed over,
   * so the database reads it while the caller writes this one (two cores busy, not one after the other).
   */
  private async *rowBatches(
    scope: ReportScope,
    level: SchoolLevel,
    codes: string[],
  ): AsyncGenerator<ReportSchoolRow[]> {
    const page = (after: string) =>
      this.prisma.$queryRaw<ReportSchoolRow[]>(reportRowsSql(scope, level, codes, { after, limit: BATCH }));
    let next = page('');
    for (;;) {
      const rows = await next;
      const more = rows.length === BATCH;
      if (more) next = page(rows[rows.length - 1].code);
      if (rows.length) yield rows;
      if (!more) return;
    }
  }
}
