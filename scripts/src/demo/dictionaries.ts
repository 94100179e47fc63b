/** Word lists for realistic Chinese demo data. */
import type { Industry, RegionCode } from '@sales/core';

export interface City {
  name: string; // 苏州
  province: string; // 江苏省 ('' for a municipality)
  region: RegionCode; // GB/T 2260 province code
  district: string; // a district of the city
  districtCode: string; // its GB/T 2260 code (credit codes, ID numbers)
  areaCode: string; // landline area code
  py: string; // pinyin for e-mail domains
  weight: number; // East China first: the company is in 华东
}

const c = (
  name: string,
  province: string,
  region: RegionCode,
  district: string,
  districtCode: string,
  areaCode: string,
  py: string,
  weight: number,
): City => ({ name, province, region, district, districtCode, areaCode, py, weight });

/** Prefecture-level cities and municipalities (the large seed uses county-level ones, so names never clash). */
export const CITIES: City[] = [
  c('苏州', '江苏省', '320000', '虎丘区', '320505', '0512', 'suzhou', 12),
  c('无锡', '江苏省', '320000', '新吴区', '320214', '0510', 'wuxi', 6),
  c('常州', '江苏省', '320000', '新北区', '320411', '0519', 'changzhou', 5),
  c('南京', '江苏省', '320000', '玄武区', '320102', '025', 'nanjing', 6),
  c('杭州', '浙江省', '330000', '西湖区', '330106', '0571', 'hangzhou', 10),
  c('宁波', '浙江省', '330000', '鄞州区', '330212', '0574', 'ningbo', 6),
  c('嘉兴', '浙江省', '330000', '南湖区', '330402', '0573', 'jiaxing', 3),
  c('绍兴', '浙江省', '330000', '越城区', '330602', '0575', 'shaoxing', 3),
  c('上海', '', '310000', '浦东新区', '310115', '021', 'shanghai', 10),
  c('合肥', '安徽省', '340000', '蜀山区', '340104', '0551', 'hefei', 4),
  c('青岛', '山东省', '370000', '黄岛区', '370211', '0532', 'qingdao', 3),
  c('济南', '山东省', '370000', '历下区', '370102', '0531', 'jinan', 2),
  c('厦门', '福建省', '350000', '思明区', '350203', '0592', 'xiamen', 2),
  c('北京', '', '110000', '朝阳区', '110105', '010', 'beijing', 3),
  c('天津', '', '120000', '滨海新区', '120116', '022', 'tianjin', 2),
  c('深圳', '广东省', '440000', '南山区', '440305', '0755', 'shenzhen', 3),
  c('广州', '广东省', '440000', '天河区', '440106', '020', 'guangzhou', 2),
  c('武汉', '湖北省', '420000', '洪山区', '420111', '027', 'wuhan', 2),
  c('长沙', '湖南省', '430000', '岳麓区', '430104', '0731', 'changsha', 1),
  c('郑州', '河南省', '410000', '金水区', '410105', '0371', 'zhengzhou', 1),
  c('成都', '四川省', '510000', '武侯区', '510107', '028', 'chengdu', 2),
  c('重庆', '', '500000', '渝北区', '500112', '023', 'chongqing', 1),
  c('西安', '陕西省', '610000', '雁塔区', '610113', '029', 'xian', 1),
];

/** 字号 (trade names) with pinyin. */
export const TRADE_NAMES: [string, string][] = [
  ['恒瑞', 'hengrui'],
  ['云帆', 'yunfan'],
  ['鼎盛', 'dingsheng'],
  ['华信', 'huaxin'],
  ['金桥', 'jinqiao'],
  ['瑞丰', 'ruifeng'],
  ['远航', 'yuanhang'],
  ['盛达', 'shengda'],
  ['宏图', 'hongtu'],
  ['天润', 'tianrun'],
  ['博远', 'boyuan'],
  ['新锐', 'xinrui'],
  ['汇通', 'huitong'],
  ['永鑫', 'yongxin'],
  ['嘉禾', 'jiahe'],
  ['润泽', 'runze'],
  ['安泰', 'antai'],
  ['凯达', 'kaida'],
  ['明达', 'mingda'],
  ['德胜', 'desheng'],
  ['恒通', 'hengtong'],
  ['华晟', 'huasheng'],
  ['锦程', 'jincheng'],
  ['信诚', 'xincheng'],
  ['同创', 'tongchuang'],
  ['精工', 'jinggong'],
  ['力拓', 'lituo'],
  ['海越', 'haiyue'],
  ['智联', 'zhilian'],
  ['启明', 'qiming'],
  ['蓝海', 'lanhai'],
  ['泰和', 'taihe'],
  ['众合', 'zhonghe'],
  ['立信', 'lixin'],
  ['开元', 'kaiyuan'],
  ['旭日', 'xuri'],
  ['新程', 'xincheng2'],
  ['宇通', 'yutong'],
  ['晨光', 'chenguang'],
  ['百川', 'baichuan'],
];

/** Business phrase → industry code. */
export const BUSINESS: [string, Industry, number][] = [
  ['精密机械', 'manufacturing', 6],
  ['智能装备', 'manufacturing', 5],
  ['机电设备', 'manufacturing', 4],
  ['模具', 'manufacturing', 3],
  ['电子科技', 'manufacturing', 4],
  ['新材料', 'manufacturing', 2],
  ['信息技术', 'it', 4],
  ['软件', 'it', 2],
  ['网络科技', 'it', 2],
  ['医疗器械', 'medical', 3],
  ['生物医药', 'medical', 2],
  ['食品', 'food', 3],
  ['餐饮管理', 'food', 1],
  ['汽车零部件', 'automotive', 4],
  ['汽车销售服务', 'automotive', 1],
  ['置业', 'real_estate', 1],
  ['建设工程', 'construction', 2],
  ['建筑安装工程', 'construction', 1],
  ['物流', 'logistics', 2],
  ['供应链管理', 'logistics', 2],
  ['教育科技', 'education', 1],
  ['新能源科技', 'energy', 3],
  ['电力工程', 'energy', 1],
  ['农业科技', 'agriculture', 1],
  ['商贸', 'retail', 3],
  ['贸易', 'retail', 2],
  ['融资租赁', 'finance', 1],
];

export const LEGAL_SUFFIXES: [string, number][] = [
  ['有限公司', 75],
  ['股份有限公司', 15],
  ['有限责任公司', 10],
];

export const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁沈任姚卢钟姜崔谭陆范汪金石戴贾韦夏邱方侯邹熊孟秦白江薛尹段雷黎史龙陶贺顾毛郝龚邵万钱严武'.split(
    '',
  );
export const MALE_GIVEN = [
  '伟',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '杰',
  '涛',
  '明',
  '超',
  '斌',
  '鹏',
  '辉',
  '刚',
  '平',
  '建华',
  '志强',
  '建国',
  '海峰',
  '宏伟',
  '俊杰',
  '子豪',
  '浩然',
  '文博',
  '国庆',
  '晓东',
  '振华',
  '立新',
  '卫东',
  '永刚',
  '家豪',
  '宇航',
];
export const FEMALE_GIVEN = [
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '艳',
  '娟',
  '霞',
  '婷',
  '雪',
  '慧',
  '琳',
  '晶',
  '洁',
  '秀英',
  '桂兰',
  '丽华',
  '晓燕',
  '雅琪',
  '欣怡',
  '梦瑶',
  '思雨',
  '佳怡',
  '婉婷',
  '春梅',
  '玉兰',
  '晓红',
  '美玲',
];

export const ROADS = [
  '人民路',
  '中山路',
  '建设路',
  '解放路',
  '长江路',
  '新华路',
  '科技路',
  '创业路',
  '学府路',
  '工业园路',
  '滨江大道',
  '金山路',
  '华山路',
  '青年路',
  '和平路',
  '东环路',
  '西园路',
  '星湖街',
  '金鸡湖大道',
  '科创大道',
];
export const ESTATES = [
  '阳光花园',
  '锦绣华庭',
  '翠湖苑',
  '金色家园',
  '碧桂园',
  '万科城',
  '紫薇花园',
  '滨江壹号',
  '御景湾',
  '香樟苑',
];
export const PARKS = ['高新技术产业园', '经济开发区', '科技创业园', '智能制造产业园', '工业园区'];

export const CONTACT_TITLES: [string, string][] = [
  ['总经理', 'gm'],
  ['董事长', 'chairman'],
  ['采购经理', 'purchase'],
  ['采购专员', 'purchase'],
  ['设备部主管', 'equipment'],
  ['技术总监', 'tech'],
  ['生产经理', 'production'],
  ['财务经理', 'finance'],
  ['行政经理', 'admin'],
  ['项目经理', 'pm'],
];

export const CUSTOMER_TAGS = ['老客户', '重点跟进', '展会', '经销商', '高意向', '价格敏感', '转介绍', '招投标'];

/** What the company sells (used in follow-up texts). */
export const PRODUCTS = [
  '五轴加工中心',
  '工业机器人工作站',
  '智能仓储系统',
  'MES 生产管理系统',
  '激光切割机',
  '自动化装配线',
  '视觉检测设备',
  'AGV 搬运机器人',
  '数控车床',
  '设备远程运维平台',
];

export const REMARKS = [
  '年底有扩产计划，预计新增两条产线。',
  '老板比较看重售后响应速度。',
  '决策链较长，需要集团总部审批。',
  '对价格敏感，竞争对手报价低 8% 左右。',
  '去年采购过我司设备，使用反馈良好。',
  '需要提供同行业案例和现场参观。',
  '付款习惯：30% 预付，60% 到货，10% 质保金。',
  '有政府技改补贴，关注设备是否符合申报要求。',
];
