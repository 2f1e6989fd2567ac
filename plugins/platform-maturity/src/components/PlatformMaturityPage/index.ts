export {
  PlatformMaturityContent,
  PlatformMaturityPage,
} from './PlatformMaturityPage';
