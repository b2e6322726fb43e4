import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { type AuthUser, CalendarService, dayOverrideInputSchema, reminderHourInputSchema } from '@duyet/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { Answers } from '../common/answers';
import { CalendarDayDto, CalendarDayListDto, ReminderHourSettingDto } from './calendar.responses';

class YearQueryDto extends createZodDto(
  z.object({ year: z.coerce.number('Năm phải là số').int().min(2000, 'Năm từ 2000').max(2100, 'Năm đến 2100') }),
) {}
class DayOverrideDto extends createZodDto(dayOverrideInputSchema) {}
class ReminderHourDto extends createZodDto(reminderHourInputSchema) {}

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('days')
  @Answers(CalendarDayListDto, 200)
  @ApiOperation({
    summary: 'Ngày nghỉ và ngày làm việc điều chỉnh của một năm',
    description:
      'Ngày lễ theo thư viện date-holidays (source: library) và điều chỉnh của Phòng GD&ĐT (source: district): ' +
      'ngày nghỉ Tết theo thông báo hằng năm, nghỉ bù, làm bù. Thứ Bảy và Chủ nhật luôn nghỉ trừ khi có điều chỉnh.',
  })
  @ApiBadRequestResponse({ description: 'Thiếu hoặc sai tham số year' })
  list(@CurrentUser() user: AuthUser, @Query() q: YearQueryDto) {
    return this.calendar.listYear(user, q.year);
  }

  @Put('days/:date')
  @Answers(CalendarDayDto, 200)
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Đặt một ngày là ngày nghỉ (DAY_OFF) hoặc ngày làm việc (WORKING_DAY) của huyện' })
  @ApiBadRequestResponse({ description: 'Ngày không đúng dạng YYYY-MM-DD, hoặc thiếu kind/name' })
  @ApiForbiddenResponse({ description: 'Chỉ lãnh đạo Phòng GD&ĐT được điều chỉnh lịch' })
  set(@CurrentUser() user: AuthUser, @Param('date') date: string, @Body() dto: DayOverrideDto) {
    return this.calendar.setDay(user, date, dto);
  }

  @Delete('days/:date')
  @Roles('ADMIN')
  @HttpCode(204)
  @ApiOperation({ summary: 'Bỏ điều chỉnh của huyện cho một ngày (trở lại lịch chung)' })
  @ApiNoContentResponse({ description: 'Đã bỏ điều chỉnh' })
  @ApiNotFoundResponse({ description: 'Ngày này không có điều chỉnh của huyện' })
  @ApiForbiddenResponse({ description: 'Chỉ lãnh đạo Phòng GD&ĐT được điều chỉnh lịch' })
  async remove(@CurrentUser() user: AuthUser, @Param('date') date: string): Promise<void> {
    await this.calendar.removeDay(user, date);
  }

  @Get('reminder-hour')
  @Answers(ReminderHourSettingDto, 200)
  @ApiOperation({
    summary: 'Giờ gửi nhắc hạn hằng ngày của huyện',
    description: 'Mỗi ngày một lượt nhắc cho mọi đợt đang triển khai của huyện, vào giờ này (giờ Việt Nam).',
  })
  @ApiUnauthorizedResponse({ description: 'Chưa đăng nhập' })
  reminderHour(@CurrentUser() user: AuthUser) {
    return this.calendar.reminderHour(user);
  }

  @Put('reminder-hour')
  @Answers(ReminderHourSettingDto, 200)
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Đổi giờ gửi nhắc hạn hằng ngày (HH:mm); áp dụng từ lượt nhắc kế tiếp' })
  @ApiBadRequestResponse({ description: 'Giờ không đúng dạng HH:mm' })
  @ApiForbiddenResponse({ description: 'Chỉ lãnh đạo Phòng GD&ĐT được đổi giờ gửi nhắc' })
  setReminderHour(@CurrentUser() user: AuthUser, @Body() dto: ReminderHourDto) {
    return this.calendar.setReminderHour(user, dto.hour);
  }
}
