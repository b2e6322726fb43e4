import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { AccountsService } from './accounts.service';
import { DelegationsService } from './delegations.service';
import { SigningService } from './signing.service';

/** People: sign-in accounts, positions, the head's delegations of signing and the capacity each signature carries. */
@Module({
  imports: [CalendarModule],
  providers: [AccountsService, DelegationsService, SigningService],
  exports: [AccountsService, DelegationsService, SigningService],
})
export class PeopleModule {}
