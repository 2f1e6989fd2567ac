import {
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CustomErrorBase, InputError } from '@backstage/errors';
import express from 'express';
import { rateLimit, RateLimitInfo } from 'express-rate-limit';

/**
 * A limit on requests per caller: at most `limit` requests in `windowMs`.
 *
 * @public
 */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

/**
 * The rate limits of the suite (`cloudNativePlatform.rateLimits`).
 *
 * @public
 */
export interface RateLimits {
  /** Off only when `enabled: false` is configured. */
  enabled: boolean;
  /** The expensive reads: graph, object, maturity, posture report and overview, attempts. */
  reads: RateLimit;
  /** POST /api/security-posture/audit. */
  audit: RateLimit;
}

/**
 * Limits in force when none are configured: a person clicking through the
 * pages stays far below them, a script looping over the API does not.
 *
 * @public
 */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  enabled: true,
  reads: { limit: 120, windowMs: 60_000 },
  audit: { limit: 10, windowMs: 60_000 },
};

const CONFIG_KEY = 'cloudNativePlatform.rateLimits';
const MAX_WINDOW_SECONDS = 24 * 3600;

function readLimit(
  config: Config | undefined,
  name: 'reads' | 'audit',
): RateLimit {
  const fallback = DEFAULT_RATE_LIMITS[name];
  const limit = config?.getOptionalNumber(`${name}.limit`) ?? fallback.limit;
  const windowSeconds =
    config?.getOptionalNumber(`${name}.windowSeconds`) ??
    fallback.windowMs / 1000;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new InputError(
      `${CONFIG_KEY}.${name}.limit must be a whole number of at least 1, got ${limit}`,
    );
  }
  if (
    !Number.isInteger(windowSeconds) ||
    windowSeconds < 1 ||
    windowSeconds > MAX_WINDOW_SECONDS
  ) {
    throw new InputError(
      `${CONFIG_KEY}.${name}.windowSeconds must be a whole number from 1 to ${MAX_WINDOW_SECONDS}, got ${windowSeconds}`,
    );
  }
  return { limit, windowMs: windowSeconds * 1000 };
}

/**
 * Reads `cloudNativePlatform.rateLimits` from the root config, with
 * {@link DEFAULT_RATE_LIMITS} for what is not given.
 *
 * @public
 */
export function readRateLimits(config: Config): RateLimits {
  const section = config.getOptionalConfig(CONFIG_KEY);
  return {
    enabled: section?.getOptionalBoolean('enabled') ?? true,
    reads: readLimit(section, 'reads'),
    audit: readLimit(section, 'audit'),
  };
}

/**
 * A caller over its rate limit (429).
 *
 * @public
 */
export class TooManyRequestsError extends CustomErrorBase {
  readonly statusCode = 429;
}

/**
 * The key a request is counted under, or undefined when it is not counted:
 * a backend plugin of the portal (its own service identity), or a plugin
 * acting on behalf of a user, whose request was counted where it entered.
 */
function counterKey(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as
    | { type: 'user'; userEntityRef: string; actor?: { subject: string } }
    | { type: 'service'; subject: string }
    | { type: 'none' };
  if (principal.type === 'user') {
    return principal.actor ? undefined : principal.userEntityRef;
  }
  if (principal.type === 'service') {
    return principal.subject.startsWith('plugin:')
      ? undefined
      : `service:${principal.subject}`;
  }
  return 'none';
}

function describeWindow(windowMs: number): string {
  const seconds = windowMs / 1000;
  if (seconds % 3600 === 0) {
    return seconds === 3600 ? 'hour' : `${seconds / 3600} hours`;
  }
  if (seconds % 60 === 0) {
    return seconds === 60 ? 'minute' : `${seconds / 60} minutes`;
  }
  return `${seconds} seconds`;
}

/**
 * Options of {@link createRateLimit}.
 *
 * @public
 */
export interface CreateRateLimitOptions {
  httpAuth: HttpAuthService;
  /** What is limited, named in the 429 message, e.g. `cluster-topology reads`. */
  name: string;
  limit: RateLimit;
}

/**
 * Middleware counting requests per caller (a user's entity ref or a
 * service's subject, never the IP) and answering 429 with Retry-After once
 * the caller is over the limit. Counts live in this backend instance's memory.
 *
 * @public
 */
export function createRateLimit(
  options: CreateRateLimitOptions,
): express.RequestHandler {
  const { httpAuth, name, limit } = options;
  const keys = new WeakMap<express.Request, string | undefined>();
  const keyOf = async (req: express.Request) => {
    if (!keys.has(req)) {
      keys.set(req, counterKey(await httpAuth.credentials(req)));
    }
    return keys.get(req);
  };
  return rateLimit({
    limit: limit.limit,
    windowMs: limit.windowMs,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    // Callers are told apart by principal, so the checks of IP keys do not apply.
    validate: {
      ip: false,
      trustProxy: false,
      xForwardedForHeader: false,
      forwardedHeader: false,
    },
    skip: async req => (await keyOf(req)) === undefined,
    keyGenerator: async req => (await keyOf(req))!,
    handler: (req, _res, next) => {
      const info = (req as express.Request & { rateLimit?: RateLimitInfo })
        .rateLimit;
      const retrySeconds = info?.resetTime
        ? Math.max(1, Math.ceil((info.resetTime.getTime() - Date.now()) / 1000))
        : Math.ceil(limit.windowMs / 1000);
      next(
        new TooManyRequestsError(
          `rate limit of ${name} reached: at most ${
            limit.limit
          } requests per ${describeWindow(limit.windowMs)} per caller, and ${
            info?.key ?? 'this caller'
          } made more; retry in ${retrySeconds} s`,
        ),
      );
    },
  });
}

/**
 * Options of {@link createRateLimitRouter}.
 *
 * @public
 */
export interface RateLimitRouterOptions {
  httpAuth: HttpAuthService;
  /** The root config, read for `cloudNativePlatform.rateLimits`. */
  config: Config;
  /** The plugin id, named in the 429 message. */
  pluginId: string;
  /** Paths (Express patterns, matched exactly) that share one `reads` counter per caller. */
  reads?: string[];
  /** Paths that share one `audit` counter per caller. */
  audit?: string[];
}

/**
 * A router that applies the configured limits to a plugin's expensive
 * paths; mounted before the plugin's routes.
 *
 * @public
 */
export function createRateLimitRouter(
  options: RateLimitRouterOptions,
): express.Router {
  const limits = readRateLimits(options.config);
  const router = express.Router();
  if (!limits.enabled) return router;
  for (const kind of ['reads', 'audit'] as const) {
    const paths = options[kind];
    if (!paths?.length) continue;
    router.all(
      paths,
      createRateLimit({
        httpAuth: options.httpAuth,
        name: `${options.pluginId} ${kind}`,
        limit: limits[kind],
      }),
    );
  }
  return router;
}
