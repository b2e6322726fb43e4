import { Module } from '@nestjs/common';
import { MailModule } from '@duyet/mail';
import { CalendarModule } from '../calendar/calendar.module';
import { AccountsService } from './accounts.service';
import { DelegationsService } from './delegations.service';
import { PeopleImportService } from './import/people-import.service';
import { PasswordsService } from './passwords.service';
import { SignInsService } from './sign-ins.service';
import { SigningService } from './signing.service';

/** People: sign-in accounts (passwords, links, lockout), the district workbook's import, positions, the head's delegations of signing and the capacity each signature carries. */
@Module({
  imports: [CalendarModule, MailModule],
  providers: [
    AccountsService,
    DelegationsService,
    SigningService,
    SignInsService,
    PasswordsService,
    PeopleImportService,
  ],
  exports: [AccountsService, DelegationsService, SigningService, SignInsService, PasswordsService, PeopleImportService],
})
export class PeopleModule {}
