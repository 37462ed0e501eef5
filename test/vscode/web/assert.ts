/** The few assertions the web suite needs (no node:assert in a browser's extension host). */
export class AssertionError extends Error {}

export function ok(value: unknown, message?: string): asserts value {
  if (!value) throw new AssertionError(message ?? `expected a truthy value, got ${String(value)}`);
}

export function equal(actual: unknown, expected: unknown, message?: string): void {
  if (actual !== expected) throw new AssertionError(`${message ? `${message}: ` : ''}expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

export function deepEqual(actual: unknown, expected: unknown, message?: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new AssertionError(`${message ? `${message}: ` : ''}expected ${e}, got ${a}`);
}

export function match(actual: string, re: RegExp, message?: string): void {
  if (!re.test(actual)) throw new AssertionError(`${message ? `${message}: ` : ''}${JSON.stringify(actual)} does not match ${String(re)}`);
}
