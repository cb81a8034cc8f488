/**
 * The pause of a runner's polling loop: idle() resolves after the poll interval, or at once on
 * wake() (a job enqueued or finished, stop). A wake() that comes while the loop is busy is kept,
 * so the next idle() returns at once instead of missing it.
 */
export class Wakeup {
  private pending = false;
  private wakeUp: (() => void) | null = null;

  wake(): void {
    this.pending = true;
    this.wakeUp?.();
  }

  async idle(pollIntervalMs: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, pollIntervalMs);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.wakeUp = null;
    this.pending = false;
  }
}
