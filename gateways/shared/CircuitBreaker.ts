/** Settings of a circuit breaker. */
export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before one trial call is let through (ms). */
  openMs: number;
  /** Clock, for tests. */
  now?: () => number;
}

/** Closed: calls pass; open: calls are refused; half-open: one trial call may pass. */
export type CircuitState = 'closed' | 'open' | 'half-open';

/** What the breaker says about the next call. */
export type CircuitDecision = { allowed: true } | { allowed: false; retryAt: number; failures: number };

/**
 * A consecutive-failure circuit breaker. Closed: calls pass. After `failureThreshold` failures in a row
 * it opens and refuses calls for `openMs`; then one trial call passes (half-open), whose success closes
 * the circuit and whose failure opens it again. Protects a struggling platform from retries and keeps
 * the hub's answers fast while the platform is down.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private trialInFlight = false;
  private readonly now: () => number;

  constructor(private readonly options: CircuitBreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Asks whether a call may go out now; an allowed call must be followed by `success()` or `failure()`. */
  check(): CircuitDecision {
    if (this.openedAt === null) return { allowed: true };
    const retryAt = this.openedAt + this.options.openMs;
    if (this.now() < retryAt || this.trialInFlight) return { allowed: false, retryAt, failures: this.failures };
    this.trialInFlight = true;
    return { allowed: true };
  }

  /** Records a successful call: the circuit closes. */
  success(): void {
    this.failures = 0;
    this.openedAt = null;
    this.trialInFlight = false;
  }

  /** Records a failed call: counts it, and opens (or re-opens) the circuit at the threshold. */
  failure(): void {
    this.failures += 1;
    this.trialInFlight = false;
    if (this.failures >= this.options.failureThreshold) this.openedAt = this.now();
  }

  /** 'closed', 'open' or 'half-open', for logs and tests. */
  get state(): CircuitState {
    if (this.openedAt === null) return 'closed';
    return this.now() < this.openedAt + this.options.openMs ? 'open' : 'half-open';
  }
}
