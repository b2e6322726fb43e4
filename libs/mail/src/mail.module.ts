import { Module } from '@nestjs/common';
import { MailQueueService } from './mail-queue.service';
import { MailSenderService } from './mail-sender.service';
import { MailTransportService } from './mail-transport.service';

@Module({
  providers: [MailTransportService, MailQueueService, MailSenderService],
  exports: [MailTransportService, MailQueueService, MailSenderService],
})
export class MailModule {}
