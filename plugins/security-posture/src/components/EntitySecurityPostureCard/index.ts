export { EntitySecurityPostureCard } from './EntitySecurityPostureCard';
