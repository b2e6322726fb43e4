import { Global, Inject, Injectable, Module, type OnModuleDestroy } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { APP_CONFIG, type AppConfig } from '@duyet/config';

/** One lazily opened connection to the Temporal frontend, shared by the API and the worker's activities. */
@Injectable()
export class TemporalClientService implements OnModuleDestroy {
  private connection?: Promise<Connection>;
  private client?: Promise<Client>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get taskQueue(): string {
    return this.config.temporal.taskQueue;
  }

  getClient(): Promise<Client> {
    this.client ??= this.getConnection().then(
      (connection) => new Client({ connection, namespace: this.config.temporal.namespace }),
    );
    return this.client;
  }

  getConnection(): Promise<Connection> {
    this.connection ??= Connection.connect({ address: this.config.temporal.address }).catch((err: unknown) => {
      this.connection = undefined;
      this.client = undefined;
      throw err;
    });
    return this.connection;
  }

  async onModuleDestroy(): Promise<void> {
    if (this.connection) await (await this.connection).close();
  }
}

@Global()
@Module({ providers: [TemporalClientService], exports: [TemporalClientService] })
export class TemporalModule {}
