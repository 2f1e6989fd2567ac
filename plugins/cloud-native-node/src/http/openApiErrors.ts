import { InputError } from '@backstage/errors';
import type { ErrorRequestHandler } from 'express';

/** The schema of a parameter as the OpenAPI spec declares it. */
interface ParameterSchema {
  type?: string;
  minimum?: number;
  maximum?: number;
}

/** The operation the OpenAPI validator matched, as it leaves it on the request. */
interface MatchedOperation {
  schema?: {
    parameters?: ReadonlyArray<{
      name?: string;
      in?: string;
      schema?: ParameterSchema;
    }>;
    requestBody?: { content?: Record<string, unknown> };
  };
  pathParams?: Record<string, unknown>;
}

/**
 * The parts of a request the translation reads.
 *
 * @public
 */
export interface OpenApiErrorRequest {
  query?: Record<string, unknown>;
  params?: Record<string, unknown>;
  /** Set by the OpenAPI validator when the request matched an operation. */
  openapi?: unknown;
}

const UNKNOWN_QUERY = /^Unknown query parameter '(.+)'$/;
const EMPTY_QUERY = /^Empty value found for query parameter '(.+)'$/;
const MISSING_PARAMETER =
  /^request\/(query|params|headers) must have required property '(.+)'$/;
const PARAMETER = /^request\/(query|params|headers)\/(\S+) (.+)$/;
const BODY = /^request\/body(?:\/(\S*))? (.+)$/;
const MEDIA_TYPE = /^unsupported media type (.+)$/;

const LOCATIONS: Record<string, string> = {
  query: 'query parameter',
  params: 'path parameter',
  headers: 'header',
};

/** The validator's wording of a schema rule, said the way our errors say it. */
function plainReason(reason: string): string {
  const rules: Array<[RegExp, (...groups: string[]) => string]> = [
    [
      /^must NOT have more than (\d+) characters$/,
      n => `must be at most ${n} characters`,
    ],
    [
      /^must NOT have fewer than (\d+) characters$/,
      n =>
        n === '1' ? 'must not be empty' : `must be at least ${n} characters`,
    ],
    [
      /^must NOT have more than (\d+) items$/,
      n => `must hold at most ${n} items`,
    ],
    [
      /^must NOT have fewer than (\d+) items$/,
      n => `must hold at least ${n} items`,
    ],
    [
      /^must be equal to one of the allowed values: (.*)$/,
      list => `must be one of ${list}`,
    ],
    [
      /^must NOT have additional properties$/,
      () => 'must not have other fields',
    ],
    [/^must have required property '(.+)'$/, name => `needs the field ${name}`],
  ];
  for (const [pattern, say] of rules) {
    const match = reason.match(pattern);
    if (match) return say(...match.slice(1));
  }
  return reason;
}

function bounds(schema: ParameterSchema): string {
  const { minimum: min, maximum: max } = schema;
  if (min !== undefined && max !== undefined) return ` from ${min} to ${max}`;
  if (min !== undefined) return ` of at least ${min}`;
  if (max !== undefined) return ` of at most ${max}`;
  return '';
}

/** The message of a parameter that broke a rule of its schema. */
function parameterMessage(
  location: string,
  name: string,
  reason: string,
  value: unknown,
  schema: ParameterSchema | undefined,
): string {
  const what = LOCATIONS[location] ?? location;
  if (Array.isArray(value)) return `${what} ${name} must be given once`;
  if (value === undefined || typeof value === 'object') {
    return `${what} ${name} ${plainReason(reason)}`;
  }
  const quoted = `${name} '${String(value)}'`;
  const allowed = reason.match(
    /^must be equal to one of the allowed values: (.*)$/,
  );
  if (allowed) return `${quoted} is not one of ${allowed[1]}`;
  if (schema?.type === 'integer' || schema?.type === 'number') {
    const kind = schema.type === 'integer' ? 'a whole number' : 'a number';
    if (/^must be (integer|number)$|^must be [<>]=? /.test(reason)) {
      return `${quoted} must be ${kind}${bounds(schema)}`;
    }
  }
  if (/^must be boolean$/.test(reason))
    return `${quoted} must be true or false`;
  const pattern = reason.match(/^must match pattern "(.*)"$/);
  if (pattern) return `${quoted} does not match ${pattern[1]}`;
  return `${what} ${quoted} ${plainReason(reason)}`;
}

/**
 * The error the OpenAPI request validator reported, as an `InputError` whose
 * message names the parameter or body field and says what is wrong with it,
 * for example: query parameter cluster must be given once; unknown query
 * parameter foo, this route takes cluster, namespace; days '0' must be a
 * whole number from 1 to 365. Any other error is returned as it is.
 *
 * @public
 */
export function translateOpenApiError(
  error: unknown,
  request: OpenApiErrorRequest,
): unknown {
  if (!(error instanceof Error) || error.name !== 'InputError') return error;
  // Several violations arrive joined; the first one is named.
  const [message] = error.message.split(/, (?=request\/)/);
  const operation = (request.openapi ?? {}) as MatchedOperation;
  const parameters = operation.schema?.parameters ?? [];
  const query = request.query ?? {};

  if (UNKNOWN_QUERY.test(message)) {
    const known = parameters
      .filter(p => p.in === 'query' && p.name)
      .map(p => p.name!);
    const unknown = Object.keys(query).filter(name => !known.includes(name));
    const named = unknown.length ? unknown : [message.match(UNKNOWN_QUERY)![1]];
    return new InputError(
      `unknown query parameter${named.length > 1 ? 's' : ''} ${named.join(
        ', ',
      )}; this route takes ${known.length ? known.join(', ') : 'none'}`,
    );
  }
  const empty = message.match(EMPTY_QUERY);
  if (empty) {
    return new InputError(`query parameter ${empty[1]} must not be empty`);
  }
  const missing = message.match(MISSING_PARAMETER);
  if (missing) {
    return new InputError(
      `${LOCATIONS[missing[1]]} ${missing[2]} must be given`,
    );
  }
  const parameter = message.match(PARAMETER);
  if (parameter) {
    const [, location, name, reason] = parameter;
    let value: unknown;
    if (location === 'query') value = query[name];
    else if (location === 'params') {
      value = operation.pathParams?.[name] ?? request.params?.[name];
    }
    const schema = parameters.find(
      p => p.name === name && (p.in === 'path' ? 'params' : p.in) === location,
    )?.schema;
    return new InputError(
      parameterMessage(location, name, reason, value, schema),
    );
  }
  const body = message.match(BODY);
  if (body) {
    const [, path, reason] = body;
    const field = path ? ` field ${path.split('/').join('.')}` : '';
    return new InputError(`request body${field} ${plainReason(reason)}`);
  }
  const mediaType = message.match(MEDIA_TYPE);
  if (mediaType) {
    const types = Object.keys(operation.schema?.requestBody?.content ?? {});
    return new InputError(
      `a request body of type ${mediaType[1]} is not read here${
        types.length ? `; send ${types.join(' or ')}` : ''
      }`,
    );
  }
  return error;
}

/**
 * Express error middleware for a router made by
 * `createValidatedOpenApiRouter`: the validator's errors leave as
 * `InputError`s naming what is wrong (see
 * {@link translateOpenApiError}); every other error passes unchanged. Add it
 * to the router after its routes.
 *
 * @public
 */
export function openApiErrorHandler(): ErrorRequestHandler {
  return (error, req, _res, next) => {
    next(translateOpenApiError(error, req as OpenApiErrorRequest));
  };
}
