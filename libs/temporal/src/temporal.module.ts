import { Global, Inject, Injectable, Module, type OnModuleDestroy } from '@nestjs/common';
import { InterceptingCall, type Interceptor } from '@grpc/grpc-js';
import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import { APP_CONFIG, type AppConfig } from '@duyet/config';

/** How long a call to the Temporal frontend may take before it fails (and the API answers 503). */
const CALL_DEADLINE_MS = 5_000;
/**
 * An Update is sent again and again until the worker has accepted it, and then polled until it completes: each
 * call may wait on a worker (a move's activity takes well under a second), so it gets longer.
 */
const UPDATE_DEADLINE_MS = 15_000;
const UPDATE_CALLS = /\/(UpdateWorkflowExecution|PollWorkflowExecutionUpdate)$/;

/**
 * Gives every call that has no deadline of its own one, placed before the SDK's retry interceptor so that the
 * retries of an unreachable server share it: with Temporal down a request fails in seconds, not after the
 * default ~20 s of retries (nor never, while an Update waits for a worker that is not there).
 */
const defaultDeadline: Interceptor = (options, nextCall) => {
  if (options.deadline === undefined) {
    const path = options.method_definition.path;
    options.deadline = Date.now() + (UPDATE_CALLS.test(path) ? UPDATE_DEADLINE_MS : CALL_DEADLINE_MS);
  }
  return new InterceptingCall(nextCall(options));
};

/**
 * A frontend that does not answer is tried four times over about a second (the SDK's default is ten over
 * about twenty seconds): then the API answers 503 and the person, or the activity's own retry policy, tries
 * again, rather than a request hanging on a server that is down.
 */
const RETRIES = defaultGrpcRetryOptions({ maxAttempts: 4, maxIntervalMs: () => 500 });

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
    this.connection ??= Connection.connect({
      address: this.config.temporal.address,
      connectTimeout: '2 seconds',
      interceptors: [defaultDeadline, makeGrpcRetryInterceptor(RETRIES)],
    }).catch((err: unknown) => {
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
