/**
 * The `yaml` package as the core imports it, loaded on first use: in the CLI's bundle only, the
 * core's `import … from 'yaml'` resolves here (scripts/build.mjs). The core's fast parser reads
 * most grid files without the package, so `cloe-grid check` on such a file neither compiles nor
 * runs it (~10 ms of a ~100 ms start: a pre-commit hook starts the CLI on every commit, issue 16).
 * Each export stands for the package's own until it is first used (called, constructed, or a
 * property read); from then on it *is* the package's own (a live binding, reassigned in load()).
 * A name the core imports and this file lacks fails the build.
 */
import type * as Yaml from 'yaml';

type YamlModule = typeof Yaml;
let loaded: YamlModule | undefined;

function load(): YamlModule {
  if (!loaded) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const y = require('yaml') as YamlModule;
    loaded = y;
    isAlias = y.isAlias;
    isCollection = y.isCollection;
    isMap = y.isMap;
    isPair = y.isPair;
    isScalar = y.isScalar;
    isSeq = y.isSeq;
    parseDocument = y.parseDocument;
    Scalar = y.Scalar;
    visit = y.visit;
  }
  return loaded;
}

/** Stands for the package's export `name` until the package is loaded. */
function lazy<K extends keyof YamlModule>(name: K): YamlModule[K] {
  const real = () => load()[name] as unknown as (...args: unknown[]) => unknown;
  // A function target, so that calls, `new` and `instanceof` reach the traps.
  return new Proxy(function () {}, {
    apply: (_t, self, args: unknown[]) => Reflect.apply(real(), self, args),
    construct: (_t, args: unknown[]) => Reflect.construct(real() as unknown as new (...a: unknown[]) => object, args),
    get: (_t, key) => Reflect.get(real(), key) as unknown,
  }) as unknown as YamlModule[K];
}

export let isAlias = lazy('isAlias');
export let isCollection = lazy('isCollection');
export let isMap = lazy('isMap');
export let isPair = lazy('isPair');
export let isScalar = lazy('isScalar');
export let isSeq = lazy('isSeq');
export let parseDocument = lazy('parseDocument');
export let Scalar = lazy('Scalar');
export let visit = lazy('visit');
