export * from './dictionaries.ts';
export * from './mask.ts';
export * from './money.ts';
export * from './normalize.ts';
export * from './validators/credit-code.ts';
export * from './validators/id-number.ts';
export * from './validators/mobile.ts';
export * from './customers.ts';
