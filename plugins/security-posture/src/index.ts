/**
 * Security posture frontend plugin.
 *
 * @packageDocumentation
 */
export {};
