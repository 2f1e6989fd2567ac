import { HealingStore } from '../database/HealingStore';

const KEY = 'killSwitch';

/**
 * The kill switch: on when the config sets it (and then it stays on) or
 * when someone turned it on from the UI; kept in the database so every
 * instance sees the same.
 *
 * @public
 */
export class KillSwitch {
  constructor(
    private readonly store: HealingStore,
    private readonly configured: boolean,
  ) {}

  get lockedByConfig(): boolean {
    return this.configured;
  }

  /**
   * The switch as stored; `settings` reads it inside another transaction
   * (the last check before an action), the store by default.
   */
  async state(
    settings: Pick<HealingStore, 'getSetting'> = this.store,
  ): Promise<{ enabled: boolean; by?: string }> {
    if (this.configured) return { enabled: true, by: 'config' };
    const stored = await settings.getSetting<{ enabled: boolean }>(KEY);
    return stored?.value.enabled
      ? { enabled: true, by: stored.updatedBy }
      : { enabled: false };
  }

  async enabled(
    settings: Pick<HealingStore, 'getSetting'> = this.store,
  ): Promise<boolean> {
    return (await this.state(settings)).enabled;
  }

  async set(enabled: boolean, by: string): Promise<void> {
    await this.store.putSetting(KEY, { enabled }, by);
  }
}
