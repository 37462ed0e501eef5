/**
 * When to restart a crashed language server: at once after a first crash, then after a growing
 * delay (0.5, 1, 2 s…, at most 8 s); the fifth crash within three minutes stops it (the extension
 * then says so and offers a restart). Pure: the clock is a parameter.
 */
export class CrashPolicy {
  private crashes: number[] = [];

  constructor(
    private readonly maxCrashes = 5,
    private readonly windowMs = 3 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a crash now: the delay before restarting (ms), or undefined to stop. */
  crashed(): number | undefined {
    const t = this.now();
    this.crashes = this.crashes.filter((c) => t - c <= this.windowMs);
    this.crashes.push(t);
    if (this.crashes.length >= this.maxCrashes) return undefined;
    return this.crashes.length === 1 ? 0 : Math.min(500 * 2 ** (this.crashes.length - 2), 8000);
  }

  /** Forgets the crashes (the user restarted the server). */
  reset(): void {
    this.crashes = [];
  }
}
