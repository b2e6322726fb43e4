// The request bodies of the meeting routes, from the zod schemas of @duyet/domain (validation and OpenAPI alike).
import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import {
  addSlotSchema,
  attendanceSchema,
  meetingOutcomeSchema,
  moveSlotSchema,
  reasonSchema,
  reorderSlotsSchema,
  rescheduleMeetingSchema,
  scheduleMeetingSchema,
} from '@duyet/domain';

export class ScheduleMeetingDto extends createZodDto(scheduleMeetingSchema) {}
export class RescheduleMeetingDto extends createZodDto(rescheduleMeetingSchema) {}
export class ReorderSlotsDto extends createZodDto(reorderSlotsSchema) {}
export class AddSlotDto extends createZodDto(addSlotSchema) {}
export class MoveSlotDto extends createZodDto(moveSlotSchema) {}
export class ReasonDto extends createZodDto(reasonSchema) {}
export class AttendanceDto extends createZodDto(attendanceSchema) {}
export class MeetingOutcomeDto extends createZodDto(meetingOutcomeSchema) {}

/** The errors every meeting route may answer. */
export const MeetingRoutes = () =>
  applyDecorators(
    ApiTags('meetings'),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Chưa đăng nhập' }),
    ApiForbiddenResponse({ description: 'Vai trò hoặc phạm vi không cho phép thao tác này' }),
    ApiNotFoundResponse({ description: 'Không có hội nghị, lượt trình bày hoặc đợt kế hoạch này trong huyện' }),
    ApiBadRequestResponse({ description: 'Dữ liệu không hợp lệ, nêu rõ trường sai' }),
    ApiConflictResponse({ description: 'Trạng thái hội nghị hoặc kế hoạch không cho phép thao tác này (kèm lý do)' }),
  );
