export * from './layout';
export * from './mask';
export * from './officialForms';
export * from './lists';
export * from './dashboard';
export * from './donation';
export * from './reportSet';
