import { freePort } from './startTestProcess';

/**
 * An http URL on loopback where nothing listens, at the time of asking: a
 * Prometheus, Loki or Kubernetes API that is down, refusing connections.
 *
 * @public
 */
export async function unreachableUrl(): Promise<string> {
  return `http://127.0.0.1:${await freePort()}`;
}
