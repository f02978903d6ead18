import { describe, expect, it } from 'vitest';
import { JsonReader } from '../../../gateways/shared/index.js';

describe('JsonReader', () => {
  const body = new JsonReader({ data: { list: [{ prjNum: 'A1' }, { prjNum: 7 }] } });

  it('reads values of the right shape', () => {
    expect(body.get('data').get('list').items()[0]!.get('prjNum').string()).toBe('A1');
  });

  it.each([
    ['a member of an array element', () => body.get('data').get('list').items()[1]!.get('prjNum').string(), 'body.data.list[1].prjNum: expected a string, got number 7'],
    ['a missing member', () => body.get('data').get('total').integer(), 'body.data.total: expected a number, got nothing (the member is missing)'],
    ['a member of a non-object', () => body.get('data').get('list').get('x'), 'body.data.list: expected an object, got an array'],
  ])('names the path of %s of the wrong shape', (_what, read, message) => {
    expect(read).toThrow(message);
  });

  it('starts from the path it is given', () => {
    expect(() => new JsonReader([1], 'reply').items()[0]!.string()).toThrow('reply[0]: expected a string, got number 1');
  });
});
