/** Calls in flight the bridge allows at once: per client (one window names itself) and in all. */
export interface SlotLimits { perClient: number; total: number }

export const DEFAULT_SLOTS: SlotLimits = { perClient: 16, total: 64 };

/**
 * A bounded number of calls in flight, per client and in all: a flood of requests is answered 429 at once instead
 * of queueing work in the book thread that would run long after its senders gave up.
 */
export class CallSlots {
  private readonly limits: SlotLimits;
  private readonly byClient = new Map<string, number>();
  private total = 0;

  constructor(limits: Partial<SlotLimits> = {}) {
    this.limits = { ...DEFAULT_SLOTS, ...limits };
  }

  limitFor(client: string): number {
    return (this.byClient.get(client) ?? 0) >= this.limits.perClient ? this.limits.perClient : this.limits.total;
  }

  /** A slot for the client, with the function that gives it back (call it once); null when none is free. */
  take(client: string): (() => void) | null {
    const mine = this.byClient.get(client) ?? 0;
    if (mine >= this.limits.perClient || this.total >= this.limits.total) return null;
    this.byClient.set(client, mine + 1);
    this.total++;
    let given = false;
    return () => {
      if (given) return;
      given = true;
      this.total--;
      const left = (this.byClient.get(client) ?? 1) - 1;
      if (left <= 0) this.byClient.delete(client);
      else this.byClient.set(client, left);
    };
  }

  get inFlight(): number {
    return this.total;
  }
}
