// Other modules' public surfaces this module reads (ARCHITECTURE 6: through index.ts only).
export { productLabels } from '../products/index.ts';
export { warehouseNames } from '../stock/index.ts';
