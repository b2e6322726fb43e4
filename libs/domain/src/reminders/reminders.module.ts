import { Module } from '@nestjs/common';
import { MailModule } from '@duyet/mail';
import { CalendarModule } from '../calendar/calendar.module';
import { PaperCopyReminders } from './paper-copy-reminders';
import { RemindersService } from './reminders.service';

/** The daily reminder run and "remind now": who is reminded of which deadline, once a day, and of missing paper copies. */
@Module({
  imports: [CalendarModule, MailModule],
  providers: [RemindersService, PaperCopyReminders],
  exports: [RemindersService],
})
export class RemindersModule {}
