import { Module } from '@nestjs/common';
import { MailModule } from '@duyet/mail';
import { CalendarModule } from '../calendar/calendar.module';
import { AccountsService } from './accounts.service';
import { DelegationsService } from './delegations.service';
import { PeopleImportService } from './import/people-import.service';
import { PasswordsService } from './passwords.service';
import { SignInsService } from './sign-ins.service';
import { SigningService } from './signing.service';
import { ClustersService } from './clusters.service';
import { PersonalDataService } from './personal-data.service';
import { ReviewScopeService } from './review-scope.service';
import { SchoolsService } from './schools.service';
import { UsersService } from './users.service';

const SERVICES = [
  AccountsService,
  DelegationsService,
  SigningService,
  SignInsService,
  PasswordsService,
  ClustersService,
  SchoolsService,
  UsersService,
  ReviewScopeService,
  PersonalDataService,
  PeopleImportService,
];

/**
 * People: sign-in accounts (passwords, links, lockout), positions, the head's delegations of signing and the capacity
 * each signature carries; the admin's management of the district (clusters, schools, people, reviewers' scope) and
 * of personal data (export, erasure); the import of a district workbook (XLSX).
 */
@Module({
  imports: [CalendarModule, MailModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class PeopleModule {}
