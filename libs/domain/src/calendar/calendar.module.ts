import { Module } from '@nestjs/common';
import { ClockService } from './clock.service';
import { CalendarService } from './calendar.service';

/** The district's working calendar and the clock every deadline is compared with. */
@Module({
  providers: [ClockService, CalendarService],
  exports: [ClockService, CalendarService],
})
export class CalendarModule {}
