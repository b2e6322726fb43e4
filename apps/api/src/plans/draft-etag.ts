import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  UseInterceptors,
  applyDecorators,
  createParamDecorator,
} from '@nestjs/common';
import { ApiHeader, ApiPreconditionFailedResponse, ApiResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type Observable, map } from 'rxjs';
import { DomainError, draftEtag } from '@duyet/domain';

// "3", W/"3" (a proxy that compresses may weaken the tag it passes on; the revision is the same) or *.
const IF_MATCH = /^\s*(?:\*|(?:W\/)?"(\d{1,9})")\s*$/;

/**
 * The draft revision a save is based on, from If-Match: the ETag the draft was read with. Absent or `*`: the
 * save does not depend on a revision (last write wins, as before revisions were kept).
 */
export const IfMatchRevision = createParamDecorator((_: unknown, ctx: ExecutionContext): number | undefined => {
  const raw = ctx.switchToHttp().getRequest<Request>().header('if-match');
  if (raw === undefined) return undefined;
  const match = IF_MATCH.exec(raw);
  if (!match) {
    throw new DomainError('VALIDATION', 'If-Match phải là ETag nhận được khi đọc bản nháp, ví dụ "3".', {
      errors: [{ field: 'If-Match', message: 'Cần đúng một ETag của bản nháp, ví dụ "3", hoặc *' }],
    });
  }
  return match[1] === undefined ? undefined : Number(match[1]);
});

/** Sets the ETag of the draft an answer carries (its `draftRevision`, or `revision` for the draft itself). */
@Injectable()
class DraftEtagInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const res = ctx.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((body: { draftRevision?: number; revision?: number }) => {
        const revision = body.draftRevision ?? body.revision;
        if (typeof revision === 'number') res.setHeader('ETag', draftEtag(revision));
        return body;
      }),
    );
  }
}

const ETAG_HEADER = {
  ETag: { description: 'Lần lưu của bản nháp, ví dụ "3": gửi lại trong If-Match khi lưu', schema: { type: 'string' } },
};

/** A read of the draft: its revision as the ETag. */
export const DraftEtag = (description: string) =>
  applyDecorators(
    UseInterceptors(DraftEtagInterceptor),
    ApiResponse({ status: 200, description, headers: ETAG_HEADER }),
  );

/** A save of the draft: If-Match in, the new revision's ETag out, 412 when the draft was saved since. */
export const DraftPrecondition = () =>
  applyDecorators(
    UseInterceptors(DraftEtagInterceptor),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description:
        'ETag của bản nháp lúc bắt đầu sửa (từ GET /api/plans/{id}/draft hoặc lần lưu trước), ví dụ "3". ' +
        'Nếu bản nháp đã được lưu sau đó, yêu cầu bị từ chối với 412 thay vì ghi đè. ' +
        'Không gửi (hoặc gửi *): lưu đè lên bản hiện có.',
    }),
    ApiResponse({ status: 200, description: 'Đã lưu; ETag là lần lưu mới', headers: ETAG_HEADER }),
    ApiPreconditionFailedResponse({
      description:
        'Bản nháp đã được lưu sau lần lưu ghi trong If-Match: không ghi gì; trả lại { basedOn, current: ' +
        '{ revision, etag, savedAt, savedBy }, changed: { sections: [{ key, title }], indicators: [{ code, label }] } }',
    }),
  );
