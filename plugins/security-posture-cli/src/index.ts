/**
 * Command-line security posture audit.
 *
 * @packageDocumentation
 */
export {};
