export const PRODUCT_VIEW = 'product.view';
export const PRODUCT_MANAGE = 'product.manage';
export const PRODUCT_COST = 'product.cost';
export const PRICE_MANAGE = 'price.manage';
export const PRICE_ADJUST = 'price.adjust';

export const TAX_RATES = ['13.00', '9.00', '6.00', '3.00', '1.00', '0.00'] as const;
export const TRACKING_MODES = ['none', 'batch', 'serial'] as const;
export const PRICE_LIST_KINDS = ['list', 'promotion'] as const;
export const CUSTOMER_CLASSES = ['A', 'B', 'C', 'KEY'] as const;

export const TRACKING_COLORS: Record<string, string> = { none: 'default', batch: 'blue', serial: 'purple' };
export const KIND_COLORS: Record<string, string> = { list: 'blue', promotion: 'magenta' };
