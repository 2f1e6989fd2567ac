/**
 * Healing history frontend plugin.
 *
 * @packageDocumentation
 */
export {};
