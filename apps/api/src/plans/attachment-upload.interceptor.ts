import {
  BadRequestException,
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { memoryStorage } from 'multer';
import type { Observable } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '@duyet/config';
import { DomainError, formatMegabytes } from '@duyet/domain';

export const ATTACHMENT_FIELD = 'file';

/**
 * Parses the multipart body with multer, keeping the one file in memory. The size limit comes from the config, so
 * it cannot be a decorator argument; multer stops reading at the limit, so an oversize body is never held whole.
 * Multer's English refusals become Vietnamese 400s (its own words are left out: they are English).
 */
@Injectable()
export class AttachmentUploadInterceptor implements NestInterceptor {
  private readonly multer: NestInterceptor;
  private readonly maxBytes: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.maxBytes = config.storage.maxUploadBytes;
    const Multer = FileInterceptor(ATTACHMENT_FIELD, {
      storage: memoryStorage(),
      limits: { fileSize: this.maxBytes, files: 1, fields: 10, parts: 12 },
      // Browsers and curl send the file name as raw UTF-8; multer's default (latin1) would garble Vietnamese.
      defParamCharset: 'utf8',
    });
    this.multer = new Multer();
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multer.intercept(context, next);
    } catch (err) {
      if (err instanceof PayloadTooLargeException) {
        throw invalid(`Tệp vượt quá dung lượng cho phép (tối đa ${formatMegabytes(this.maxBytes)} MB).`);
      }
      if (err instanceof BadRequestException) {
        throw invalid(`Cần gửi đúng một tệp trong trường “${ATTACHMENT_FIELD}” của biểu mẫu multipart/form-data.`);
      }
      throw err;
    }
  }
}

function invalid(message: string): DomainError {
  return new DomainError('VALIDATION', message, { errors: [{ field: ATTACHMENT_FIELD, message }] });
}
