// CONTRACT STUB: signatures fixed; implementation pending.
import { KubeObject } from './kube';

/**
 * A document that is not a Kubernetes object or not valid YAML/JSON; the
 * message names the source, the document number and, where known, the line.
 *
 * @public
 */
export class ManifestError extends Error {
  constructor(
    message: string,
    readonly source: string,
    readonly document?: number,
  ) {
    super(message);
    this.name = 'ManifestError';
  }
}

/**
 * Reads Kubernetes objects from YAML (several documents) or JSON text,
 * flattening `kind: List`. Throws {@link ManifestError} on the first bad
 * document.
 *
 * @public
 */
export function parseManifests(
  _text: string,
  _source: string,
): { objects: KubeObject[]; documents: number } {
  throw new Error('not implemented');
}
