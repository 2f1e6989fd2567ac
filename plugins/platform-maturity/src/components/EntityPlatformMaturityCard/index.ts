export { EntityPlatformMaturityCard } from './EntityPlatformMaturityCard';
