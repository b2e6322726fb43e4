import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '@duyet/config';

/** The one place the SMTP transport is built: pooled, so a burst reuses connections. */
@Injectable()
export class MailTransportService implements OnModuleDestroy {
  readonly transporter: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const { host, port, secure, user, password } = config.smtp;
    this.transporter = nodemailer.createTransport({
      pool: true,
      maxConnections: 5,
      host,
      port,
      secure,
      auth: user ? { user, pass: password } : undefined,
      // The mail catcher and many internal relays have no TLS certificate.
      ignoreTLS: !secure,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  get from(): string {
    return this.config.smtp.from;
  }

  /** Opens a fresh connection and says hello, without touching the pool: for the health check. */
  async verify(): Promise<void> {
    const { host, port, secure } = this.config.smtp;
    // Bounded at every step: a relay that accepts connections and never greets fails the probe in seconds.
    const probe = nodemailer.createTransport({
      host,
      port,
      secure,
      ignoreTLS: !secure,
      connectionTimeout: 3000,
      greetingTimeout: 3000,
      socketTimeout: 5000,
    });
    try {
      await probe.verify();
    } finally {
      probe.close();
    }
  }

  onModuleDestroy(): void {
    this.transporter.close();
  }
}
