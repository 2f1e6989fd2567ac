/**
 * An option a generator cannot work with. `field` is the path of the option
 * in the action input (`callers[1]`, `slo.availability`), so that the action
 * can name it in its InputError.
 */
export class OptionsError extends Error {
  constructor(readonly field: string, readonly reason: string) {
    super(`${field}: ${reason}`);
    this.name = 'OptionsError';
  }
}
