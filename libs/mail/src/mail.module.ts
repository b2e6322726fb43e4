import { Module } from '@nestjs/common';
import { MailOutboxService } from './mail-outbox.service';
import { MailQueueService } from './mail-queue.service';
import { MailSenderService } from './mail-sender.service';
import { MailTransportService } from './mail-transport.service';

@Module({
  providers: [MailTransportService, MailQueueService, MailSenderService, MailOutboxService],
  exports: [MailTransportService, MailQueueService, MailSenderService, MailOutboxService],
})
export class MailModule {}
