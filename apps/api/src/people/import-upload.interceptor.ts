import {
  BadRequestException,
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { memoryStorage } from 'multer';
import type { Observable } from 'rxjs';
import { DomainError, IMPORT_MAX_UPLOAD_BYTES, formatMegabytes } from '@duyet/domain';

export const IMPORT_FIELD = 'file';

/**
 * The district workbook's upload, as the attachments' (AttachmentUploadInterceptor): one file in memory, multer
 * stopping at the cap so an oversize body is never held whole, its English refusals said in Vietnamese.
 */
@Injectable()
export class ImportUploadInterceptor implements NestInterceptor {
  private readonly multer: NestInterceptor = new (FileInterceptor(IMPORT_FIELD, {
    storage: memoryStorage(),
    limits: { fileSize: IMPORT_MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6 },
    defParamCharset: 'utf8',
  }))();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multer.intercept(context, next);
    } catch (err) {
      if (err instanceof PayloadTooLargeException) {
        throw invalid(`Tệp vượt quá dung lượng cho phép (tối đa ${formatMegabytes(IMPORT_MAX_UPLOAD_BYTES)} MB).`);
      }
      if (err instanceof BadRequestException) {
        throw invalid(`Cần gửi đúng một tệp trong trường “${IMPORT_FIELD}” của biểu mẫu multipart/form-data.`);
      }
      throw err;
    }
  }
}

function invalid(message: string): DomainError {
  return new DomainError('VALIDATION', message, { errors: [{ field: IMPORT_FIELD, message }] });
}
