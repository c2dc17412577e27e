/** Worker numbers: province letter + county + serial, validity, and the next free number per county. */
import fc from 'fast-check';
import { isValidWorkerNo, makeWorkerNo, nextWorkerNo, parseWorkerNo } from '../../src/domain/workerNo';

test('the first 京山 case is H0100001; "01" takes the province letter', () => {
  expect(makeWorkerNo('H01', 1)).toBe('H0100001');
  expect(makeWorkerNo('01', 256)).toBe('H0100256');
  expect(makeWorkerNo('h08', 99999)).toBe('H0899999');
});

test('bad county codes and serials are refused in zh', () => {
  expect(() => makeWorkerNo('京山', 1)).toThrow('县区代码应为省代码字母加2位数字');
  expect(() => makeWorkerNo('H01', 0)).toThrow('序号应为1到99999之间的整数');
  expect(() => makeWorkerNo('H01', 100000)).toThrow('序号');
  expect(() => makeWorkerNo('H01', 1.5)).toThrow('序号');
});

test('validity: 8 characters, letter, county 01–99, serial 00001–99999', () => {
  expect(isValidWorkerNo('H0100001')).toBe(true);
  expect(isValidWorkerNo('h0200010')).toBe(true);
  for (const bad of ['H010001', 'H01000001', '10100001', 'H0000001', 'H0100000', 'HA100001', '']) expect(isValidWorkerNo(bad)).toBe(false);
  expect(parseWorkerNo('H0300042')).toEqual({ province: 'H', county: 'H03', serial: 42 });
});

test('the next number is the largest in that county + 1, ignoring other counties and gaps', () => {
  const existing = ['H0100001', 'H0100007', 'H0200009', '', '手工编号', 'H0100003'];
  expect(nextWorkerNo(existing, 'H01')).toBe('H0100008');
  expect(nextWorkerNo(existing, 'H02')).toBe('H0200010');
  expect(nextWorkerNo(existing, 'H05')).toBe('H0500001');
  expect(() => nextWorkerNo(['H0199999'], 'H01')).toThrow('已用完');
});

test('every made number is valid and parses back to its parts', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 99999 }), (county, serial) => {
      const code = `H${String(county).padStart(2, '0')}`;
      const no = makeWorkerNo(code, serial);
      expect(isValidWorkerNo(no)).toBe(true);
      expect(parseWorkerNo(no)).toEqual({ province: 'H', county: code, serial });
    }),
  );
});
