export { EntitySecurityPostureContent } from './EntitySecurityPostureContent';
