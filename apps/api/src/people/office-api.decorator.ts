import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';

/**
 * What the OpenAPI document says of every office route of people/ (district, accounts, delegations, import): its
 * tag, the bearer token, and the two refusals every one of them can answer. Who may call stays with @Roles.
 */
export const OfficeApi = (tag: string) =>
  applyDecorators(
    ApiTags(tag),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Chưa đăng nhập' }),
    ApiForbiddenResponse({ description: 'Chỉ lãnh đạo Phòng GD&ĐT' }),
  );
