/**
 * The demo catalog as data: product categories with their delivery-inspection checklists (交车检验表),
 * ~20 industrial-equipment products (mostly 13 % VAT; services 6 % / 9 %), class-A and promotion
 * prices, and the inbound receipts that stock the two warehouses.
 */
export const CATEGORIES = [
  {
    code: 'EQ',
    name: '工业设备',
    inspectionChecklist: [
      { key: 'eq_appearance', label: '外观完好' },
      { key: 'eq_accessories', label: '配件齐全' },
      { key: 'eq_certificate', label: '合格证' },
      { key: 'eq_manual', label: '说明书' },
      { key: 'eq_power_on', label: '通电试机正常' },
    ],
  },
  {
    code: 'CON',
    name: '工业耗材',
    inspectionChecklist: [
      { key: 'con_package', label: '包装完好' },
      { key: 'con_batch_expiry', label: '批号效期核对' },
      { key: 'con_label', label: '中文标签' },
      { key: 'con_count', label: '数量核对' },
    ],
  },
  {
    code: 'PART',
    name: '配件备件',
    inspectionChecklist: [
      { key: 'part_model', label: '型号核对' },
      { key: 'part_appearance', label: '外观完好' },
      { key: 'part_count', label: '数量核对' },
    ],
  },
  { code: 'SRV', name: '技术服务', inspectionChecklist: [{ key: 'srv_confirm', label: '服务确认单已签' }] },
];

export interface DemoProduct {
  code: string;
  cat: string;
  name: string;
  spec: string;
  unit: string;
  std: string;
  floor: string;
  cost: string;
  warranty: number;
  tax: '13.00' | '9.00' | '6.00';
  tracking: 'none' | 'batch' | 'serial';
  shelf: number | null;
  label: boolean;
}

type Extra = Partial<Pick<DemoProduct, 'tax' | 'tracking' | 'shelf' | 'label'>>;
type Row = [
  code: string,
  cat: string,
  name: string,
  spec: string,
  unit: string,
  std: string,
  floor: string,
  cost: string,
  warranty: number,
  extra?: Extra,
];

const BATCH = (shelf: number): Extra => ({ tracking: 'batch', shelf, label: true });

// biome-ignore format: one product per line reads like a price list.
const ROWS: Row[] = [
  ['ZK-VF55', 'EQ', '通用变频器', 'ZK-VF55 55kW 380V', '台', '18800.00', '16500.00', '11200.00', 24],
  ['ZK-PLC6', 'EQ', 'PLC可编程控制器', 'ZK-PLC6 CPU模块 256K', '台', '9800.00', '8600.00', '5900.00', 12],
  ['ZK-HMI15', 'EQ', '工业触摸屏', 'ZK-HMI15 15英寸', '台', '7600.00', '6700.00', '4500.00', 12],
  ['ZK-CV5', 'EQ', '视觉检测系统', 'ZK-CV5 500万像素 含光源软件', '套', '26800.00', '23500.00', '16800.00', 24],
  ['ZK-LM30', 'EQ', '光纤激光打标机', 'ZK-LM30 30W', '台', '58000.00', '52000.00', '36000.00', 24, { tracking: 'serial' }],
  ['ZK-RB10', 'EQ', '六轴工业机器人', 'ZK-RB10 负载10kg 臂展1420mm', '台', '168000.00', '150000.00', '108000.00', 24],
  ['ZK-SV75', 'EQ', '交流伺服电机', 'ZK-SV75 750W 带刹车', '台', '3800.00', '3300.00', '2100.00', 12],
  ['ZK-AD10', 'EQ', '冷冻式干燥机', 'ZK-AD10 10m³/min', '台', '6200.00', '5400.00', '3600.00', 12],
  ['ZK-TC3', 'EQ', '重型工具车', 'ZK-TC3 三层抽屉式', '台', '2600.00', '2200.00', '1400.00', 12],
  ['HC-LG1', 'CON', '高温润滑脂', '1kg/罐 NLGI 2', '罐', '45.00', '38.00', '18.00', 0, BATCH(730)],
  ['HC-TS50', 'CON', '厌氧型螺纹密封胶', '50ml/支', '支', '28.00', '24.00', '11.00', 0, BATCH(1095)],
  ['HC-AS5', 'CON', '焊接防飞溅剂', '500ml/瓶', '瓶', '12.00', '10.00', '4.80', 0, BATCH(1095)],
  ['HC-CF1', 'CON', '水溶性切削液', '1L/瓶 浓缩型', '瓶', '9.50', '8.00', '3.20', 0, BATCH(730)],
  ['HC-LB100', 'CON', '热敏标签纸', '100×50mm 500张/卷', '卷', '15.00', '12.00', '6.00', 0],
  ['HP-FAN', 'PART', '变频器散热风扇组件', 'ZK-VF55 专用', '套', '980.00', '850.00', '520.00', 6],
  ['HP-PS18', 'PART', '电感式接近开关', 'M18 NPN常开', '个', '160.00', '135.00', '70.00', 6],
  ['HP-SR4', 'PART', '安全继电器模块', '24VDC 3常开1常闭', '个', '680.00', '580.00', '330.00', 6],
  ['HS-INST', 'SRV', '设备安装调试服务', '单台', '次', '1500.00', '1200.00', '600.00', 0, { tax: '6.00' }],
  ['HS-TRN', 'SRV', '设备操作培训', '半天 / 班组', '次', '2000.00', '1600.00', '800.00', 0, { tax: '6.00' }],
  ['HS-LOG', 'SRV', '大件设备运输服务', '省内', '次', '800.00', '650.00', '450.00', 0, { tax: '9.00' }],
];

export const PRODUCTS: DemoProduct[] = ROWS.map(([code, cat, name, spec, unit, std, floor, cost, warranty, x]) => ({
  code,
  cat,
  name,
  spec,
  unit,
  std,
  floor,
  cost,
  warranty,
  tax: x?.tax ?? '13.00',
  tracking: x?.tracking ?? 'none',
  shelf: x?.shelf ?? null,
  label: x?.label ?? false,
}));

/** Class-A prices (about 5 % off standard, never below the floor) and the promotion's. */
export const CLASS_A: Record<string, string> = {
  'ZK-VF55': '17900.00',
  'ZK-PLC6': '9300.00',
  'ZK-HMI15': '7200.00',
  'ZK-CV5': '25500.00',
  'ZK-LM30': '55000.00',
  'ZK-RB10': '159000.00',
  'HC-LG1': '42.00',
  'HC-TS50': '26.00',
  'HP-FAN': '930.00',
};
export const PROMOTION: Record<string, string> = {
  'HC-LG1': '39.00',
  'HC-AS5': '10.50',
  'HC-CF1': '8.50',
  'HP-PS18': '140.00',
};

/** [code, warehouse, qty, batch, mfg days ago] — inbound receipts; the robot ZK-RB10 is short (one unit on hand). */
export const INBOUND: [string, 'main' | 'second', string, string | null, number][] = [
  ['ZK-VF55', 'main', '60', null, 0],
  ['ZK-VF55', 'second', '10', null, 0],
  ['ZK-PLC6', 'main', '40', null, 0],
  ['ZK-HMI15', 'main', '30', null, 0],
  ['ZK-CV5', 'main', '12', null, 0],
  ['ZK-RB10', 'main', '1', null, 0],
  ['ZK-SV75', 'main', '20', null, 0],
  ['ZK-AD10', 'main', '15', null, 0],
  ['ZK-AD10', 'second', '8', null, 0],
  ['ZK-TC3', 'second', '25', null, 0],
  ['HC-LG1', 'main', '800', 'E2605A', 190],
  ['HC-LG1', 'main', '1200', 'E2610C', 45],
  ['HC-TS50', 'main', '1500', 'S2607B', 140],
  ['HC-AS5', 'main', '3000', 'I2608A', 110],
  ['HC-AS5', 'second', '2000', 'I2610B', 40],
  ['HC-CF1', 'main', '600', 'G2609A', 80],
  ['HC-LB100', 'main', '500', null, 0],
  ['HP-FAN', 'main', '40', null, 0],
  ['HP-PS18', 'main', '120', null, 0],
  ['HP-SR4', 'main', '60', null, 0],
];
export const LASER_SERIALS = ['LM30-26A0117', 'LM30-26A0118', 'LM30-26A0121', 'LM30-26A0125', 'LM30-26A0126'];
