import { Param, ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '@duyet/domain';

/** A route parameter that must be a UUID; anything else is a 400 naming the parameter. */
export const UuidParam = (name: string) =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new DomainError('VALIDATION', `Mã "${name}" không hợp lệ.`, {
          errors: [{ field: name, message: 'Phải là một UUID' }],
        }),
    }),
  );
