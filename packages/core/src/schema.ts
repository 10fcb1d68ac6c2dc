// What core acts on in a server answer, and the one function that checks it. Only the essential fields
// are checked (see shapes.ts); everything else reaches the caller exactly as the server sent it, so a
// server that adds, drops or retypes a field core never reads cannot throw away an answer it has
// already acted on (a spent code, a created session).

/**
 * The fields of a JSON value that must be present: `string`, `timestamp` (a string `Date.parse` reads),
 * or an object whose listed fields are checked in turn. Fields not listed are not looked at.
 */
export type Shape = 'string' | 'timestamp' | ObjectShape

export interface ObjectShape {
  readonly [field: string]: Shape
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function matches(value: unknown, shape: 'string' | 'timestamp'): boolean {
  if (typeof value !== 'string') return false
  return shape === 'string' ? value !== '' : !Number.isNaN(Date.parse(value))
}

/**
 * Returns `value` itself, unchanged, when its essential fields match `shape`. Otherwise throws a
 * TypeError naming the path of the first bad field, never its value (the caller types the error).
 */
export function check<T>(value: unknown, shape: Shape, path = 'data'): T {
  if (typeof shape === 'string') {
    if (!matches(value, shape))
      throw new TypeError(`${path}: expected a ${shape === 'string' ? 'non-empty string' : 'timestamp'}`)
    return value as T
  }
  if (!isObject(value)) throw new TypeError(`${path}: expected an object`)
  for (const [field, fieldShape] of Object.entries(shape)) check(value[field], fieldShape, `${path}.${field}`)
  return value as T
}
