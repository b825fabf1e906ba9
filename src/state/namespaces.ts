import { invalidRequest } from '../errors/moonshot-error.ts';

/** The namespace of requests without an `x-mock-namespace` header. */
export const DEFAULT_NAMESPACE = 'default';

/** What a namespace name may be: 1–128 letters, digits, `.`, `_`, `:` or `-`. */
const NAME = /^[A-Za-z0-9._:-]{1,128}$/;

/** One resettable state owner per namespace, created on first use and bounded in number. */
export interface Namespaces<N extends { reset(): void }> {
  /** The default namespace: always there, never dropped. */
  readonly default: N;
  /**
   * The namespace `name` (the default when undefined), created on first use. A 400 for a malformed
   * name, or when `max` namespaces exist already.
   */
  get(name: string | undefined): N;
  /** The namespace if it exists; never creates one. */
  find(name: string): N | undefined;
  /** Every namespace name, the default first, then in creation order. */
  names(): string[];
  /** Forgets a namespace and its state; false when it did not exist. The default is reset instead. */
  drop(name: string): boolean;
  /** Resets the default namespace and drops every other one. */
  resetAll(): void;
}

/** Creates the registry; `create(name)` makes a namespace's state the first time it is used. */
export function createNamespaces<N extends { reset(): void }>(max: number, create: (name: string) => N): Namespaces<N> {
  const fallback = create(DEFAULT_NAMESPACE);
  const others = new Map<string, N>();
  return {
    default: fallback,
    get(name) {
      if (name === undefined || name === DEFAULT_NAMESPACE) return fallback;
      const found = others.get(name);
      if (found) return found;
      if (!NAME.test(name)) {
        throw invalidRequest(`x-mock-namespace must be 1 to 128 letters, digits, '.', '_', ':' or '-', not ${JSON.stringify(name.slice(0, 140))}`);
      }
      if (others.size + 1 >= max) {
        throw invalidRequest(
          `x-mock-namespace: the server already holds ${max} namespaces (maxNamespaces). Drop finished ones with DELETE /_mock/namespaces/{name} or POST /_mock/reset, or raise maxNamespaces`,
        );
      }
      const made = create(name);
      others.set(name, made);
      return made;
    },
    find: (name) => (name === DEFAULT_NAMESPACE ? fallback : others.get(name)),
    names: () => [DEFAULT_NAMESPACE, ...others.keys()],
    drop(name) {
      if (name === DEFAULT_NAMESPACE) {
        fallback.reset();
        return true;
      }
      return others.delete(name);
    },
    resetAll() {
      fallback.reset();
      others.clear();
    },
  };
}
