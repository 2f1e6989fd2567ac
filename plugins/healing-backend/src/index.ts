/**
 * Backend of the healing history: the Alertmanager webhook, the healing
 * pipeline with its safety rails, verification, platform self-healing and
 * the attempts API.
 *
 * @packageDocumentation
 */
export { healingPlugin as default } from './plugin';
