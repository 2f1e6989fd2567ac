export interface Config {
  /** Configuration of the healing backend. */
  healing?: {
    /**
     * Stops every action of the engine; the UI cannot turn it off.
     * @visibility backend
     */
    killSwitch?: boolean;
  };
}
