/**
 * Command-line security posture audit of Kubernetes manifests, for CI.
 *
 * @packageDocumentation
 */
export { runCli } from './runCli';
export type { CliIo } from './runCli';
