import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { PlansModule } from '../plans/plans.module';
import { PaperCopiesService } from './paper-copies.service';

/** The paper copies of each plan received at the office, as the clerk records them. */
@Module({
  imports: [PlansModule, CalendarModule],
  providers: [PaperCopiesService],
  exports: [PaperCopiesService],
})
export class PaperCopiesModule {}
