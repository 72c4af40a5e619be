import { Channel, ChannelOverflowError } from './channel';

test('values queue until read, return() ends a waiting read and unsubscribes once', async () => {
  let closed = 0;
  const c = new Channel<number>(4, () => closed++);
  c.push(1);
  c.push(2);
  expect(await c.next()).toEqual({ value: 1, done: false });
  expect(await c.next()).toEqual({ value: 2, done: false });
  const waiting = c.next();
  await c.return();
  expect(await waiting).toEqual({ value: undefined, done: true });
  await c.return();
  expect(closed).toBe(1);
  c.push(3);
  expect(await c.next()).toEqual({ value: undefined, done: true });
});

test('a reader that falls capacity behind gets an overflow error and the channel unsubscribes', async () => {
  let closed = 0;
  const c = new Channel<number>(2, () => closed++);
  c.push(1);
  c.push(2);
  c.push(3);
  expect(closed).toBe(1);
  await expect(c.next()).rejects.toBeInstanceOf(ChannelOverflowError);
  expect(await c.next()).toEqual({ value: undefined, done: true });
});
