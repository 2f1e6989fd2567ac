/**
 * Backend of the security posture plugins.
 *
 * @packageDocumentation
 */
export {};
