/**
 * google.script.run's rules for what crosses between a sidebar and the server, as the page
 * harness and the playground apply them (harness/playground/scriptRun.ts; the reference and
 * the measurements are cited there).
 */
import vm from 'node:vm';
import { clientValue, encodeArguments, IllegalValue } from '../../harness/playground/scriptRun';

describe('arguments from the page', () => {
  it('a Date anywhere in the arguments fails the call before anything is sent', () => {
    expect(() => encodeArguments([new Date(2025, 9, 1)])).toThrow(IllegalValue);
    expect(() => encodeArguments([{ values: { birth_date: new Date(2025, 9, 1) } }])).toThrow('Failed due to illegal value in property: 0.values.birth_date');
    expect(() => encodeArguments(['x', [1, new Date()]])).toThrow('property: 1.1');
  });

  it('a function or a circular object fails too', () => {
    expect(() => encodeArguments([{ f: () => 1 }])).toThrow(IllegalValue);
    const a: Record<string, unknown> = { name: '王秀英' };
    a.self = a;
    expect(() => encodeArguments([a])).toThrow(IllegalValue);
  });

  it('undefined in an array becomes null, an undefined property is dropped, the server gets a copy', () => {
    const req = { workerNo: undefined, values: { members: [undefined, { name: '周建国' }] } };
    const [sent] = encodeArguments([req]);
    expect(sent).toEqual({ values: { members: [null, { name: '周建国' }] } });
    expect(Object.prototype.hasOwnProperty.call(sent, 'workerNo')).toBe(false);
    expect(sent).not.toBe(req);
    expect(encodeArguments([undefined, 'H0100001'])).toEqual([null, 'H0100001']);
  });
});

describe('values returned to the page', () => {
  it('a Date anywhere in the result turns the whole result into null', () => {
    expect(clientValue({ ok: true, workerNo: 'H0100001', savedAt: new Date() })).toBeNull();
    expect(clientValue([{ due: 'x' }, { due: new Date() }])).toBeNull();
    // A Date from the bundle's own realm (Code.js runs in a vm context) is a Date all the same.
    expect(clientValue({ at: vm.runInNewContext('new Date()') })).toBeNull();
  });

  it('undefined in arrays becomes null, undefined properties are dropped, nothing returned is null', () => {
    expect(clientValue({ a: undefined, b: [1, undefined] })).toEqual({ b: [1, null] });
    expect(clientValue(undefined)).toBeNull();
    expect(clientValue('已保存')).toBe('已保存');
  });
});
