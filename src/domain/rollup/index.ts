export * from './caseFacts';
export * from './sources';
export * from './aggregate';
