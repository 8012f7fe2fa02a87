export * from './ledger';
export * from './totals';
export * from './format';
