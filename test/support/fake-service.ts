import type { ServerResponse } from 'node:http';
import type { FakeExchange, FakeRequest, FakeServer } from './https-server.ts';

/**
 * What every fake shares: the request log, the scenario queues (`failNext`,
 * `hangNext`) and the server it is mounted on. A fake can own its server
 * (`startSheetsFake`) or share one with others (`startGoogleFakes`), so the
 * handler is separate from the listening.
 */
export abstract class FakeService<Failure extends number> {
  /** Every request this fake received, in order, preflights included. */
  readonly requests: FakeRequest[] = [];
  private failures: { status: Failure; retryAfterSeconds: number | undefined }[] = [];
  private hangs = 0;
  private readonly hung = new Set<ServerResponse>();
  private server: FakeServer | undefined;

  /**
   * Answers the next `count` requests (not preflights) with `status` and Google's error body
   * for it; `retryAfterSeconds` adds a Retry-After header, which Google sends on some 429s and 503s.
   */
  failNext(count: number, status: Failure, options: { retryAfterSeconds?: number } = {}): void {
    for (let i = 0; i < count; i += 1)
      this.failures.push({ status, retryAfterSeconds: options.retryAfterSeconds });
  }

  /** Accepts the next `count` requests (not preflights) and never answers them: for timeout paths. */
  hangNext(count: number): void {
    this.hangs += count;
  }

  /** Forgets the request log and pending scenarios and drops hung exchanges; subclasses also reset their state. */
  reset(): void {
    this.requests.length = 0;
    this.failures = [];
    this.hangs = 0;
    for (const res of this.hung) res.destroy();
    this.hung.clear();
  }

  get port(): number {
    return this.listening().port;
  }

  /** `https://127.0.0.1:PORT`; clients that check the host name need the host mapping instead. */
  get origin(): string {
    return this.listening().origin;
  }

  /** Closes the server this fake is mounted on (shared servers close for every fake on them). */
  async close(): Promise<void> {
    for (const res of this.hung) res.destroy();
    this.hung.clear();
    await this.server?.close();
  }

  /** @internal Called once the server this fake answers on is listening. */
  mount(server: FakeServer): void {
    this.server = server;
  }

  /** Logs the exchange and plays any queued scenario; true when the scenario answered it. */
  protected playScenario(exchange: FakeExchange): boolean {
    this.requests.push(exchange.request);
    if (exchange.request.method === 'OPTIONS') return false;
    if (this.hangs > 0) {
      this.hangs -= 1;
      this.hung.add(exchange.res);
      exchange.res.once('close', () => this.hung.delete(exchange.res));
      return true;
    }
    const failure = this.failures.shift();
    if (failure === undefined) return false;
    if (failure.retryAfterSeconds !== undefined) {
      exchange.res.setHeader('retry-after', String(failure.retryAfterSeconds));
    }
    this.sendFailure(exchange, failure.status);
    return true;
  }

  protected abstract sendFailure(exchange: FakeExchange, status: Failure): void;

  private listening(): FakeServer {
    if (!this.server)
      throw new Error(`${this.constructor.name} is not listening: start it with its start function`);
    return this.server;
  }
}
