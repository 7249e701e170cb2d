export * from './auth';
export * from './places';
export * from './people';
export * from './catalogue';
export * from './ledger';
export * from './challenges';
export * from './playground';
export * from './pledges';
