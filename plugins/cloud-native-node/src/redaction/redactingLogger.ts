import { LoggerService } from '@backstage/backend-plugin-api';
import {
  redactStrings,
  redactText,
} from '@cloud-native-platform/plugin-cloud-native-common';

type Meta = Parameters<LoggerService['info']>[1];

function redactMeta(meta: Meta): Meta {
  if (meta === undefined) return undefined;
  if (meta instanceof Error) {
    // A copy: the caller may still throw or inspect the original.
    const copy = new Error(redactText(meta.message));
    copy.name = meta.name;
    copy.stack = meta.stack === undefined ? undefined : redactText(meta.stack);
    return copy;
  }
  return redactStrings(meta);
}

/**
 * A logger that passes every message, error and field through
 * `redactText`
 * before the one it wraps writes it, so a log line that quotes a cluster's
 * object or error cannot carry a credential.
 *
 * @public
 */
export function redactingLogger(logger: LoggerService): LoggerService {
  return {
    error: (message, meta) =>
      logger.error(redactText(message), redactMeta(meta)),
    warn: (message, meta) => logger.warn(redactText(message), redactMeta(meta)),
    info: (message, meta) => logger.info(redactText(message), redactMeta(meta)),
    debug: (message, meta) =>
      logger.debug(redactText(message), redactMeta(meta)),
    child: meta => redactingLogger(logger.child(redactStrings(meta))),
  };
}
