import { InputError } from '@backstage/errors';
import type { RequestHandler } from 'express';

/**
 * The parts of an OpenAPI spec the check reads.
 *
 * @public
 */
export interface SpecWithParameters {
  paths: Record<
    string,
    Record<
      string,
      {
        [field: string]: unknown;
        parameters?: ReadonlyArray<{
          in?: string;
          name?: string;
          schema?: { type?: string; minimum?: number; maximum?: number };
        }>;
      }
    >
  >;
}

/**
 * Middleware to run before the OpenAPI validator (its `middleware` option):
 * a query parameter the spec declares as an integer must be written in
 * decimal digits. The validator reads such a parameter with `Number`, so
 * without it `1e3`, `0x10`, ` 10` and `Infinity` would pass as numbers.
 * A parameter name takes the bounds of its first declaration.
 *
 * @public
 */
export function wholeNumberQueryParams(
  spec: SpecWithParameters,
): RequestHandler {
  const bounds = new Map<string, { minimum?: number; maximum?: number }>();
  for (const path of Object.values(spec.paths)) {
    for (const operation of Object.values(path)) {
      for (const parameter of operation.parameters ?? []) {
        if (
          parameter.in === 'query' &&
          parameter.name &&
          parameter.schema?.type === 'integer' &&
          !bounds.has(parameter.name)
        ) {
          bounds.set(parameter.name, parameter.schema);
        }
      }
    }
  }
  return (req, _res, next) => {
    for (const [name, { minimum, maximum }] of bounds) {
      const value = req.query[name];
      if (typeof value === 'string' && !/^\d+$/.test(value)) {
        let range = '';
        if (minimum !== undefined && maximum !== undefined) {
          range = ` from ${minimum} to ${maximum}`;
        } else if (minimum !== undefined) range = ` of at least ${minimum}`;
        else if (maximum !== undefined) range = ` of at most ${maximum}`;
        next(
          new InputError(`${name} '${value}' must be a whole number${range}`),
        );
        return;
      }
    }
    next();
  };
}
