export * from './roles';
export * from './errors';
export * from './validation';
export * from './cases';
export * from './movements';
export * from './lists';
export type { paths, components, operations } from './generated/openapi';
