import { usageMessage as usage } from '../../test/support/thrown';
import { address, graphId, intOption, jobId, oneOf, wholeNumber } from './validate';

describe('ids and addresses, checked before sending', () => {
  it('takes job ids as the JobMarket numbers them', () => {
    expect(jobId('7')).toBe('7');
    expect(jobId(' 18446744073709551615 ')).toBe('18446744073709551615');
    expect(usage(() => jobId('0'))).toMatch(/positive integer/);
    expect(usage(() => jobId('07'))).toMatch(/positive integer/);
    expect(usage(() => jobId('18446744073709551616'))).toMatch(/positive integer/);
    expect(usage(() => jobId('0x7'))).toMatch(/positive integer/);
  });

  it('takes graph ids as graph.post makes them', () => {
    expect(graphId(' gmiq3k2x1-0a1b2c3d ')).toBe('gmiq3k2x1-0a1b2c3d');
    expect(usage(() => graphId('7'))).toMatch(/expected a graph id/);
    expect(usage(() => graphId('gABC-0a1b2c3d'))).toMatch(/expected a graph id/);
    expect(usage(() => graphId('g1-0a1b2c3'))).toMatch(/expected a graph id/);
    expect(usage(() => graphId('g1-0a1b2c3d/../x'))).toMatch(/expected a graph id/);
  });

  it('takes whole numbers within their range', () => {
    expect(intOption(undefined, '--max-attempts', 1, 10)).toBeUndefined();
    expect(intOption('10', '--max-attempts', 1, 10)).toBe(10);
    expect(usage(() => intOption('11', '--max-attempts', 1, 10))).toMatch(/from 1 to 10/);
    expect(usage(() => intOption('1.5', '--max-attempts', 1, 10))).toMatch(/whole number/);
  });

  it('takes Starknet addresses below the field size', () => {
    expect(address('0x49D3')).toBe('0x49D3');
    expect(usage(() => address('49d3'))).toMatch(/Starknet address/);
    expect(usage(() => address('0x' + 'f'.repeat(64)))).toMatch(/Starknet address/);
    expect(usage(() => address('0xzz', '--worker'))).toMatch(/^--worker "0xzz"/);
  });

  it('matches a choice without regard to case', () => {
    expect(oneOf('completed', ['Open', 'Completed'] as const, '--state')).toBe('Completed');
    expect(usage(() => oneOf('done!', ['Open'] as const, '--state'))).toMatch(/expected one of Open/);
  });

  it('takes whole numbers within their range, and nothing else', () => {
    expect(wholeNumber('20', '--first', 1, 100)).toBe(20);
    expect(wholeNumber('1', '--first', 1, 100)).toBe(1);
    for (const bad of ['0', '101', '2.5', 'ten', '', '1e1', '1e400', '-1', '0x10', ' 7', '99999999999999999'])
      expect(usage(() => wholeNumber(bad, '--first', 1, 100))).toBe(
        `--first ${bad}: expected a whole number from 1 to 100`,
      );
  });
});
