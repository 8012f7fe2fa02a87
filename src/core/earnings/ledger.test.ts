import { describe, expect, it } from 'vitest';
import { applyLogs, emptyLedger, reorg, reorgPoint, type LicensedLog } from './ledger';
import { totals } from './totals';

const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';

function log(block: number, logIndex: number, amount: bigint, tx = `0xtx${block}`): LicensedLog {
  return { offerId: `0xoffer${block}${logIndex}`, buyer: '0xbuyer', token: TOKEN, amount, blockNumber: block, blockHash: `0xh${block}`, txHash: tx, logIndex, timestamp: 1_700_000_000 + block };
}

describe('applyLogs', () => {
  it('counts the same log once, however often it is read', () => {
    const logs = [log(10, 0, 2_500_000n), log(10, 1, 1_000_000n)];
    let s = applyLogs(emptyLedger(), logs, { confirmations: 12, syncedTo: { number: 10, hash: '0xh10' } });
    s = applyLogs(s, logs, { confirmations: 12, syncedTo: { number: 10, hash: '0xh10' } });
    s = applyLogs(s, [{ ...logs[0]!, txHash: logs[0]!.txHash.toUpperCase().replace('0X', '0x') }], { confirmations: 12 });
    expect(Object.keys(s.sales)).toHaveLength(2);
    expect(totals(Object.values(s.sales)).byToken[TOKEN.toLowerCase()]).toBe('3500000');
    expect(s.recent).toEqual([{ number: 10, hash: '0xh10' }]);
  });

  it('keeps amounts beyond 2^53 exact, as strings', () => {
    const big = 123_456_789_012_345_678_901_234_567n;
    const s = applyLogs(emptyLedger(), [log(1, 0, big), log(2, 0, big)], { confirmations: 12 });
    expect(Object.values(s.sales)[0]!.amount).toBe(big.toString());
    expect(totals(Object.values(s.sales))).toEqual({ count: 2, byToken: { [TOKEN.toLowerCase()]: (2n * big).toString() } });
  });

  it('keeps only the last `confirmations` range ends', () => {
    let s = emptyLedger();
    for (let n = 1; n <= 20; n++) s = applyLogs(s, [], { confirmations: 12, syncedTo: { number: n * 100, hash: `0x${n}` } });
    expect(s.recent).toHaveLength(12);
    expect(s.recent[0]!.number).toBe(900);
    expect(s.syncedTo).toBe(2000);
  });
});

describe('reorg', () => {
  const synced = [100, 200, 300].reduce(
    (s, n) => applyLogs(s, [log(n - 5, 0, 1n)], { confirmations: 12, syncedTo: { number: n, hash: `0xh${n}` } }),
    emptyLedger(),
  );

  it('drops sales at or above the changed block and rewinds the sync point', () => {
    const s = reorg(synced, 195);
    expect(Object.values(s.sales).map((x) => x.blockNumber)).toEqual([95]);
    expect(s.syncedTo).toBe(194);
    expect(s.recent).toEqual([{ number: 100, hash: '0xh100' }]);
    // Reading the range again restores the sale that is still on the chain, once.
    const again = applyLogs(s, [log(195, 0, 1n), log(195, 0, 1n)], { confirmations: 12, syncedTo: { number: 300, hash: '0xnew' } });
    expect(totals(Object.values(again.sales)).count).toBe(2);
  });

  it('finds the rewind point from the chain’s current hashes', () => {
    expect(reorgPoint(synced.recent, ['0xh100', '0xh200', '0xh300'])).toBeNull();
    expect(reorgPoint(synced.recent, ['0xh100', '0xh200', '0xother'])).toBe(201);
    expect(reorgPoint(synced.recent, ['0xh100', null, null])).toBe(101);
    expect(reorgPoint(synced.recent, ['0xa', '0xb', '0xc'])).toBe(100);
  });
});
