import { Module } from '@nestjs/common';
import { MailModule } from '@duyet/mail';
import { CalendarModule } from '../calendar/calendar.module';
import { RemindersService } from './reminders.service';

/** The daily reminder run and "remind now": who is reminded of which deadline, once a day. */
@Module({
  imports: [CalendarModule, MailModule],
  providers: [RemindersService],
  exports: [RemindersService],
})
export class RemindersModule {}
