export * from './auth';
export * from './places';
export * from './catalogue';
export * from './ledger';
