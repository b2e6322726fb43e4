import { Injectable } from '@nestjs/common';
import { type PlanStatus, PreparedReads, PrismaService } from '@duyet/database';
import { PLAN_STATUSES } from '@duyet/workflows';
import type { AuthUser } from '../plans/access';
import { CalendarService } from '../calendar/calendar.service';
import { ClockService } from '../calendar/clock.service';
import { DomainError } from '../common/errors';
import type { BoardFilter, BoardQuery, FailedEmailsQuery } from './board-query';
import { type BoardItem, type BoardRow, overdueCounter, toBoardItem } from './board-rows';
import { type BoardScope, boardIdsSql, boardPageSql, boardRowsSql, boardSummarySql } from './board-sql';

/** The export reads this many plans per statement, so a district-wide file never sits whole in memory. */
export const BOARD_EXPORT_BATCH = 1000;

interface SummaryRow {
  total: number;
  overdue_total: number;
  paper_missing_total: number;
  by_status: Partial<Record<PlanStatus, number>>;
  failed_emails: number | null;
}

export interface BoardSummary {
  byStatus: Record<PlanStatus, number>;
  overdue: number;
  /** submitted plans of the filter whose paper copies are not all in (PAPER_OWED_STATUSES, below paperCopies) */
  paperCopiesMissing: number;
  /** admins only: e-mails that exhausted their retries */
  failedEmails?: number;
}

export interface BoardPage {
  total: number;
  page: number;
  pageSize: number;
  summary: BoardSummary;
  items: BoardItem[];
}

/** The overdue board (DOMAIN.md): admins see the district, reviewers their levels and clusters. */
@Injectable()
export class BoardService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly reads: PreparedReads,
    private readonly clock: ClockService,
    private readonly calendars: CalendarService,
  ) {}

  /** Board reads under way, by what they read; see list(). */
  private readonly reading = new Map<string, Promise<unknown>>();

  /**
   * One page of the board: its rows, and the summary of its filter, read as two statements. Identical reads that
   * arrive while one runs share its result: every page of one filter, in one scope, shares the summary, and the
   * default view, which every office head opens from the same link in the morning digest, is read once however
   * many open it at the same moment (npm run bench). A shared result is never older than the statement's own run.
   */
  async list(user: AuthUser, q: BoardQuery): Promise<BoardPage> {
    const scope = this.scopeOf(user);
    // The summary does not depend on the order or the page (JSON leaves out what is undefined).
    const summaryOf = { ...q, sort: undefined, page: undefined, pageSize: undefined };
    const [stats, rows] = await Promise.all([
      this.shared(['summary', scope, summaryOf], () => this.readSummary(scope, q)),
      this.shared(['page', scope, q], () => this.readRows(scope, q)),
    ]);
    const byStatus = Object.fromEntries(PLAN_STATUSES.map((s) => [s, stats.by_status[s] ?? 0])) as Record<
      PlanStatus,
      number
    >;
    return {
      total: stats.total,
      page: q.page,
      pageSize: q.pageSize,
      summary: {
        byStatus,
        overdue: stats.overdue_total,
        paperCopiesMissing: stats.paper_missing_total,
        ...(stats.failed_emails === null ? {} : { failedEmails: stats.failed_emails }),
      },
      items: rows,
    };
  }

  private shared<T>(what: unknown[], read: () => Promise<T>): Promise<T> {
    const key = JSON.stringify(what);
    const running = this.reading.get(key) as Promise<T> | undefined;
    if (running) return running;
    const result = read().finally(() => this.reading.delete(key));
    this.reading.set(key, result);
    return result;
  }

  private async readSummary(scope: BoardScope, q: BoardQuery): Promise<SummaryRow> {
    const [row] = await this.reads.query<SummaryRow>(
      boardSummarySql(scope, { filter: q, now: this.clock.now(), countFailedEmails: scope.role === 'ADMIN' }),
    );
    return row;
  }

  private async readRows(scope: BoardScope, q: BoardQuery): Promise<BoardItem[]> {
    const now = this.clock.now();
    const [calendar, rows] = await Promise.all([
      this.calendars.forDistrict(scope.districtId),
      this.reads.query<BoardRow>(
        boardPageSql(scope, { filter: q, now, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
      ),
    ]);
    const daysOverdue = overdueCounter(calendar, now);
    return rows.map((r) => toBoardItem(r, now, daysOverdue));
  }

  /**
   * Every matching plan in board order, a batch at a time. Scope is checked now, before a caller starts a
   * response; "now" is fixed once so every row of a file is computed against the same instant.
   */
  exportBatches(user: AuthUser, filter: BoardFilter): AsyncGenerator<BoardItem[]> {
    const scope = this.scopeOf(user);
    const now = this.clock.now();
    return this.batches(scope, filter, now);
  }

  private async *batches(scope: BoardScope, filter: BoardFilter, now: Date): AsyncGenerator<BoardItem[]> {
    const ids = await this.prisma.$queryRaw<{ plan_id: string }[]>(boardIdsSql(scope, filter, now));
    const daysOverdue = overdueCounter(await this.calendars.forDistrict(scope.districtId), now);
    for (let i = 0; i < ids.length; i += BOARD_EXPORT_BATCH) {
      const batch = ids.slice(i, i + BOARD_EXPORT_BATCH).map((r) => r.plan_id);
      const rows = await this.prisma.$queryRaw<BoardRow[]>(boardRowsSql(scope, filter, now, batch));
      const byId = new Map(rows.map((r) => [r.plan_id, r]));
      // The id list fixed the order; a plan that left the filter since is skipped.
      yield batch.flatMap((id) => {
        const row = byId.get(id);
        return row ? [toBoardItem(row, now, daysOverdue)] : [];
      });
    }
  }

  /** "A message that finally fails shows on the admin's board": e-mails whose retries ran out. */
  async failedEmails(user: AuthUser, q: FailedEmailsQuery) {
    if (user.role !== 'ADMIN') {
      throw new DomainError('FORBIDDEN', 'Chỉ lãnh đạo Phòng GD&ĐT được xem các thư gửi không thành công.');
    }
    const where = {
      districtId: user.districtId,
      status: 'FAILED' as const,
      ...(q.campaignId ? { campaignId: q.campaignId } : {}),
    };
    const [total, rows] = await this.prisma.$transaction([
      this.prisma.emailLog.count({ where }),
      this.prisma.emailLog.findMany({
        where,
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        skip: (q.page - 1) * q.pageSize,
        take: q.pageSize,
        select: {
          id: true,
          to: true,
          cc: true,
          subject: true,
          template: true,
          attempts: true,
          lastError: true,
          createdAt: true,
          campaignId: true,
          planId: true,
          plan: { select: { school: { select: { code: true, name: true } } } },
        },
      }),
    ]);
    const items = rows.map(({ plan, ...row }) => ({ ...row, school: plan?.school ?? null }));
    return { total, page: q.page, pageSize: q.pageSize, items };
  }

  private scopeOf(user: AuthUser): BoardScope {
    if (user.role !== 'ADMIN' && user.role !== 'REVIEWER' && user.role !== 'CLERK') {
      throw new DomainError('FORBIDDEN', 'Chỉ cán bộ Phòng GD&ĐT được xem bảng theo dõi.');
    }
    return {
      districtId: user.districtId,
      role: user.role,
      reviewLevels: user.reviewLevels,
      reviewClusterIds: user.reviewClusterIds,
    };
  }
}
