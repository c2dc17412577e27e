/** The low-code form engine: 表单定义 → fields → validation, normalization, derivation. */
export * from './fieldDefs';
export * from './values';
export * from './fieldRules';
export * from './caseSchema';
export * from './formulaSafety';
export * from './derive';
