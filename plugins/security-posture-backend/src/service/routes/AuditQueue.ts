/** Gives the slot back; calling it again does nothing. */
export type ReleaseAudit = () => void;

/**
 * Admission of audits: `concurrency` run at once, up to `maxWaiting` wait
 * in arrival order, and any more are turned away.
 */
export class AuditQueue {
  private active = 0;
  private readonly queue: Array<(release: ReleaseAudit) => void> = [];

  constructor(
    readonly options: { concurrency: number; maxWaiting: number } = {
      concurrency: 1,
      maxWaiting: 8,
    },
  ) {}

  /** Audits holding a slot. */
  get running(): number {
    return this.active;
  }

  /** Audits waiting for a slot. */
  get waiting(): number {
    return this.queue.length;
  }

  /** A slot once one is free, or undefined when the queue is full. */
  acquire(): Promise<ReleaseAudit> | undefined {
    if (this.active < this.options.concurrency) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    if (this.queue.length >= this.options.maxWaiting) return undefined;
    return new Promise(resolve => this.queue.push(resolve));
  }

  private releaser(): ReleaseAudit {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.queue.shift();
      // The slot passes straight to the next audit: active stays the same.
      if (next) next(this.releaser());
      else this.active--;
    };
  }
}
