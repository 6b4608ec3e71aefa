export * from './reference-data.module';
export * from './grids/grid.entity';
export * from './grids/locate-grid';
export * from './departments/department.entity';
export * from './categories/category.entity';
export * from './grids/create-grid.command';
export * from './departments/create-department.command';
export * from './categories/create-category.command';
