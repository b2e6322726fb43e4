import { type ArgumentMetadata, Injectable } from '@nestjs/common';
import { ZodValidationPipe } from 'nestjs-zod';
import { DomainError, findUnsafeText } from '@duyet/domain';

/**
 * The one pipe every body, query and route parameter goes through: first the rule on characters Duyệt cannot
 * store (the same for every field of every route, so no route can forget it), then the route's zod schema.
 */
@Injectable()
export class InputValidationPipe extends ZodValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'custom') {
      const root = metadata.type === 'body' || !metadata.data ? [] : [metadata.data];
      const errors = findUnsafeText(value, root);
      if (errors.length > 0) {
        throw new DomainError(
          'VALIDATION',
          `Dữ liệu không hợp lệ: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
          { errors },
        );
      }
    }
    return super.transform(value, metadata);
  }
}
