export { MeshCoverage } from './MeshCoverage';
export type { MeshCoverageProps } from './MeshCoverage';
