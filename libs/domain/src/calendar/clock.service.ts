import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@duyet/config';
import { type ClockSettings, virtualAt } from '@duyet/workflows';

/** "Now" for everything that compares with a deadline: real time, or the accelerated calendar of tests. */
@Injectable()
export class ClockService {
  readonly settings: ClockSettings;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.settings = config.clock;
  }

  now(): Date {
    return new Date(virtualAt(this.settings, Date.now()));
  }
}
