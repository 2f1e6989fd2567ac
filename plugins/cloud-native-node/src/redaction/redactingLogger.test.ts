import { mockServices } from '@backstage/backend-test-utils';
import { REDACTED } from './index';
import { redactingLogger } from './redactingLogger';

const PASSWORD = 'Tr0ub4dor-and-3';
const TOKEN = 'q8Vt3Rk2Lp9XzW4mNc7JhYb6Fs1D';

describe('redactingLogger', () => {
  it('redacts messages, errors and fields before the wrapped logger writes them', () => {
    const inner = mockServices.logger.mock();
    const child = mockServices.logger.mock();
    inner.child.mockReturnValue(child);
    const logger = redactingLogger(inner);

    logger.info(`dial postgres://ledger:${PASSWORD}@db/x failed`);
    const error = new Error(`401 for Bearer ${TOKEN}`);
    logger.error('cluster prod-east-a patch failed', error);
    logger.warn('retrying', { header: `Authorization: Bearer ${TOKEN}`, n: 2 });
    logger
      .child({ url: `https://u:${PASSWORD}@h` })
      .debug(`password=${PASSWORD}`);

    expect(inner.info).toHaveBeenCalledWith(
      `dial postgres://${REDACTED}@db/x failed`,
      undefined,
    );
    const [message, logged] = inner.error.mock.calls[0];
    expect(message).toBe('cluster prod-east-a patch failed');
    expect(logged).toBeInstanceOf(Error);
    expect((logged as Error).message).toBe(`401 for Bearer ${REDACTED}`);
    expect((logged as Error).stack).not.toContain(TOKEN);
    // The caller's error is left as it was.
    expect(error.message).toContain(TOKEN);
    expect(inner.warn).toHaveBeenCalledWith('retrying', {
      header: `Authorization: Bearer ${REDACTED}`,
      n: 2,
    });
    expect(inner.child).toHaveBeenCalledWith({ url: `https://${REDACTED}@h` });
    expect(child.debug).toHaveBeenCalledWith(`password=${REDACTED}`, undefined);
  });
});
