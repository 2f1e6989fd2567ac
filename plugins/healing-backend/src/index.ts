/**
 * Backend of the healing plugins.
 *
 * @packageDocumentation
 */
export {};
