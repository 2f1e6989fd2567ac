import { createZoomGesture, ZOOM_SETTLE_MS } from './zoomGesture';

describe('createZoomGesture', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('lasts while zoom events keep coming and settles once after the last', () => {
    const onSettle = jest.fn();
    const gesture = createZoomGesture(onSettle);
    expect(gesture.active).toBe(false);

    for (let i = 0; i < 10; i++) {
      gesture.zoomed();
      jest.advanceTimersByTime(ZOOM_SETTLE_MS - 20);
      expect(gesture.active).toBe(true);
    }
    expect(onSettle).not.toHaveBeenCalled();

    jest.advanceTimersByTime(20);
    expect(gesture.active).toBe(false);
    expect(onSettle).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(10 * ZOOM_SETTLE_MS);
    expect(onSettle).toHaveBeenCalledTimes(1);
  });

  it('ends without calling back when cancelled', () => {
    const onSettle = jest.fn();
    const gesture = createZoomGesture(onSettle, 50);
    gesture.zoomed();
    gesture.cancel();
    expect(gesture.active).toBe(false);
    jest.advanceTimersByTime(100);
    expect(onSettle).not.toHaveBeenCalled();
  });
});
