export { EngineStatusCard } from './EngineStatusCard';
export type { EngineStatusCardProps } from './EngineStatusCard';
