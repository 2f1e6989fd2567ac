export { EntityClusterWorkloadsCard } from './EntityClusterWorkloadsCard';
