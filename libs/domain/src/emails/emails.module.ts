import { Module } from '@nestjs/common';
import { MailModule } from '@duyet/mail';
import { EmailsService } from './emails.service';

/** The district's e-mail log for its admins, and sending failed messages again. */
@Module({
  imports: [MailModule],
  providers: [EmailsService],
  exports: [EmailsService],
})
export class EmailsModule {}
