import { parseViewState, serializeViewState } from './viewState';

describe('view state', () => {
  it('reads defaults from an empty query', () => {
    expect(parseViewState(new URLSearchParams())).toEqual({
      cluster: undefined,
      namespace: undefined,
      expand: [],
      search: '',
      filterNamespace: undefined,
      filterKind: undefined,
      health: [],
      layers: ['static', 'traffic', 'storage'],
      window: '5m',
      selected: undefined,
    });
  });

  it('round-trips a view and leaves defaults out of the URL', () => {
    const query =
      'cluster=prod-east-b&namespace=trading&expand=a%2Cb&q=risk&ns=trading&kind=Deployment&health=failing&layers=static%2Ccatalog&window=1h&selected=a';
    const state = parseViewState(new URLSearchParams(query));
    expect(serializeViewState(state).toString()).toBe(query);
    expect(
      serializeViewState({
        ...state,
        layers: ['storage', 'traffic', 'static'],
        window: '5m',
      }).toString(),
    ).not.toMatch(/layers|window/);
    // Storage is drawn by default: turning it off is written down.
    expect(
      serializeViewState({ ...state, layers: ['static', 'traffic'] }).get(
        'layers',
      ),
    ).toBe('static,traffic');
  });

  it('keeps other parameters and drops an invalid window', () => {
    // A window the backend does not take falls back to the default.
    for (const window of ['2d', '10m', '60000.5ms']) {
      expect(
        parseViewState(new URLSearchParams(`window=${window}`)).window,
      ).toBe('5m');
    }
    expect(parseViewState(new URLSearchParams('window=24h')).window).toBe(
      '24h',
    );
    const params = new URLSearchParams('tab=x&window=2d');
    expect(parseViewState(params).window).toBe('5m');
    expect(serializeViewState(parseViewState(params), params).get('tab')).toBe(
      'x',
    );
  });

  it('remembers that every layer is off', () => {
    const state = parseViewState(new URLSearchParams('layers='));
    expect(state.layers).toEqual([]);
    expect(serializeViewState(state).get('layers')).toBe('');
  });
});
