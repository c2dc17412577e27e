// Custom functions users type into cells. Each module owns a few; see entrypoints.ts.
export {};
export * from './relief';
export * from './hardship';
export * from './calendar';
export * from './identity';
