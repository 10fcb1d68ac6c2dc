// What the server sends back is described as data (shapes.ts) and checked here by one small function.
// A value that does not match throws with the path of the first bad field, never the value itself.

/**
 * The shape of a JSON value: a type name (a `typeof` result, `timestamp` for a parseable date string,
 * `object` for any JSON object), `[shape]` for an array of that shape, or an object of shapes checked
 * field by field. A field whose name ends in `?` may be absent or null, and then reads as empty: `''`,
 * `false`, `[]`, or `{}` (for an object shape, `{}` filled in by its own optional fields).
 */
export type Shape = 'string' | 'number' | 'boolean' | 'timestamp' | 'object' | readonly [Shape] | ObjectShape

export interface ObjectShape {
  readonly [field: string]: Shape
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** What an absent optional field reads as. */
function empty(shape: Shape): unknown {
  if (Array.isArray(shape)) return []
  return shape === 'string' ? '' : shape === 'boolean' ? false : {}
}

/**
 * Checks `value` against `shape` and returns a copy with optional fields filled in; unknown fields are
 * kept. Throws a TypeError naming the path of the first mismatch (the caller turns it into a typed error).
 */
export function check<T>(value: unknown, shape: Shape, path = 'data'): T {
  if (typeof shape === 'string') {
    const valid =
      shape === 'object'
        ? isObject(value)
        : shape === 'timestamp'
          ? typeof value === 'string' && !Number.isNaN(Date.parse(value))
          : typeof value === shape
    if (valid) return value as T
  } else if (Array.isArray(shape)) {
    if (Array.isArray(value)) return value.map((item, i) => check(item, shape[0], `${path}[${i}]`)) as T
  } else if (isObject(value)) {
    const fields = shape as ObjectShape
    const copy = { ...value }
    for (const key in fields) {
      const name = key.replace(/\?$/, '')
      const field = name !== key && value[name] == null ? empty(fields[key]!) : value[name]
      copy[name] = check(field, fields[key]!, `${path}.${name}`)
    }
    return copy as T
  }
  const expected = typeof shape === 'string' ? shape : Array.isArray(shape) ? 'array' : 'object'
  throw new TypeError(`${path}: expected ${expected}`)
}
