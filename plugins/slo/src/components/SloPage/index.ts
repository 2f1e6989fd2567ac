export { SloContent, SloPage } from './SloPage';
