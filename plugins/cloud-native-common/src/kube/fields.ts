/*
 * Reading JSON whose shape is not known, without `any`.
 */

/**
 * The field `name` of a value read as JSON, or undefined when the value is
 * not an object: one step of reading data whose shape is not known.
 *
 * @public
 */
export function fieldOf(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[name]
    : undefined;
}

/**
 * A value read as JSON as a record: itself when it is a plain object, else
 * an empty one, so a patch can spread it.
 *
 * @public
 */
export function recordOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
