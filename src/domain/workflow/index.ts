/** The case workflow: the action table, permissions, deadlines, transitions, snapshots, re-review. */
export * from './actions';
export * from './permissions';
export * from './deadlines';
export * from './transitions';
export * from './snapshot';
export * from './annualReview';
