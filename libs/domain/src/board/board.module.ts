import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { RemindersModule } from '../reminders/reminders.module';
import { BoardService } from './board.service';
import { BoardRemindService } from './board-remind.service';

/** The overdue board: where each plan stands against its deadline, its CSV, and reminding from it. */
@Module({
  imports: [CalendarModule, RemindersModule],
  providers: [BoardService, BoardRemindService],
  exports: [BoardService, BoardRemindService],
})
export class BoardModule {}
