export {
  SecurityPostureContent,
  SecurityPosturePage,
} from './SecurityPosturePage';
