/**
 * Pure logic of the healing engine.
 *
 * @packageDocumentation
 */
export {};
