export * from './audit-log';
export * from './companies';
export * from './incubator-managers';
export * from './incubators';
export * from './reference';
export * from './refresh-tokens';
export * from './tenants';
export * from './users';
