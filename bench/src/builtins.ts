/** The built-ins a library may replace or add to, by name. */
const OWNERS: Record<string, object> = {
  Array,
  'Array.prototype': Array.prototype,
  Object,
  'Object.prototype': Object.prototype,
  Number,
  'Number.prototype': Number.prototype,
  String,
  'String.prototype': String.prototype,
  'Function.prototype': Function.prototype,
  Math,
  JSON,
  Map,
  'Map.prototype': Map.prototype,
  Set,
  'Set.prototype': Set.prototype,
  Promise,
  'Promise.prototype': Promise.prototype,
  RegExp,
  'RegExp.prototype': RegExp.prototype,
  Symbol,
  Reflect,
  Intl,
  Error,
  'Error.prototype': Error.prototype,
  ArrayBuffer,
  'ArrayBuffer.prototype': ArrayBuffer.prototype,
  Uint8Array,
  'Uint8Array.prototype': Uint8Array.prototype,
  'TypedArray.prototype': Object.getPrototypeOf(Uint8Array.prototype) as object,
  globalThis,
};

export type Builtins = Map<string, unknown>;

/**
 * Every own property of the built-ins above: its value, or its getter; a global's value (Node
 * defines some, such as Response, by a getter that replaces itself on first use).
 */
export function builtins(): Builtins {
  const found: Builtins = new Map();
  for (const [name, owner] of Object.entries(OWNERS)) {
    for (const key of Reflect.ownKeys(owner)) {
      const d = Object.getOwnPropertyDescriptor(owner, key);
      const value = owner === globalThis ? Reflect.get(owner, key) : (d?.get ?? d?.value);
      found.set(`${name}.${String(key)}`, value);
    }
  }
  return found;
}

/** What changed since `before`: `~` a built-in replaced, `+` one added, `-` one removed. */
export function builtinChanges(before: Builtins, after: Builtins = builtins()): string[] {
  const changes: string[] = [];
  for (const [key, value] of after) {
    if (!before.has(key)) changes.push(`+${key}`);
    else if (!Object.is(before.get(key), value)) changes.push(`~${key}`);
  }
  for (const key of before.keys()) if (!after.has(key)) changes.push(`-${key}`);
  return changes;
}
