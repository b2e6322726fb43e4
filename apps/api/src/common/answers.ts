import { applyDecorators } from '@nestjs/common';
import { ApiNoContentResponse, ApiProduces, ApiResponse } from '@nestjs/swagger';
import { type ZodDto, ZodSerializerDto } from 'nestjs-zod';
import { z } from 'zod';

/**
 * An instant on the wire: an ISO string in the document and the client, a Date in the handler's value (Prisma's,
 * pg's). A codec, so the compile-time check of `@Answers` wants the Date the services return and the document shows
 * the string JSON carries.
 */
export const isoDateTime = z.codec(z.iso.datetime(), z.date(), {
  decode: (text) => new Date(text),
  encode: (date) => date.toISOString(),
});

/** A calendar day, YYYY-MM-DD, as the services already format it. */
export const isoDay = z.iso.date();

type AnsweringMethod<S extends z.ZodType> = Pick<
  TypedPropertyDescriptor<(...args: never[]) => z.output<S> | Promise<z.output<S>>>,
  'value'
>;

/**
 * The JSON a route answers with: its schema in the OpenAPI document under each status given (the status itself is
 * set by Nest, @HttpCode or the handler, as before), and the schema the response check (ResponseValidation) holds
 * the answer to. The method must return the DTO's output type, so a service whose result drifts from the declared
 * schema fails to compile. The DTO is made with `createZodDto(schema, { codec: true })`: the document shows the
 * wire form (the codec's input), the handler returns the decoded form (its output).
 */
export function Answers<S extends z.ZodType>(
  dto: ZodDto<S, true>,
  status: number,
  ...more: { status: number; description: string }[]
) {
  const decorate = applyDecorators(
    ZodSerializerDto(dto),
    ApiResponse({ status, type: dto }),
    ...more.map((m) => ApiResponse({ ...m, type: dto })),
  );
  return (target: object, key: string | symbol, descriptor: AnsweringMethod<S>): void => {
    decorate(target, key, descriptor as PropertyDescriptor);
  };
}

/** A file or page, not JSON: its media types in the document as binary, and no JSON check. */
export function AnswersFile(description: string, ...mediaTypes: [string, ...string[]]) {
  const content = Object.fromEntries(mediaTypes.map((t) => [t, { schema: { type: 'string', format: 'binary' } }]));
  return applyDecorators(ApiProduces(...mediaTypes), ApiResponse({ status: 200, description, content }));
}

/** 204: no body. */
export function AnswersNothing(description: string) {
  return ApiNoContentResponse({ description });
}
