export const STOCK_VIEW = 'stock.view';
export const STOCK_MANAGE = 'stock.manage';

export const MOVEMENT_KINDS = ['inbound', 'outbound', 'return', 'adjust', 'opening'] as const;

export const MOVEMENT_COLORS: Record<string, string> = {
  inbound: 'green',
  outbound: 'blue',
  return: 'orange',
  adjust: 'purple',
  opening: 'cyan',
};
