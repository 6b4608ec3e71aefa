export * from './fields.decorators';
export * from './http-exception.filter';
export * from './validation.pipe';
export * from './auth.decorators';
export * from './uuid-param.decorator';
export * from './json-body';
export * from './address-rate-limit';
