// @ts-check
/**
 * Everything that differs between one government's site and another's.
 * Another city reuses the generator by editing this file, not the code.
 */
export const site = {
  /** Public address of the site; canonical URLs and Open Graph links are built from it. */
  url: 'https://zwgk.example.gov.cn',
  /** 网站名称, also `<meta name="SiteName">`. */
  name: '沈阳市政务公开',
  /** 主办单位 */
  owner: '沈阳市人民政府办公室',
  /** 网站标识码 (government website identifier), shown only when set. */
  siteCode: '',
  /** ICP备案号, shown only when set. */
  icp: '',
  /** 联系方式 in the footer. */
  contact: { phone: '12345', email: '', address: '' },
  /** 主题分类 printed in the metadata block when a document does not name its own. */
  defaultCategory: '综合政务/政务公开',
  /** 信息来源 (`<meta name="ContentSource">`) when a page does not say otherwise. */
  contentSource: '沈阳市政务公开领导小组',
  /** 无障碍声明: when the site was last reviewed against WCAG 2.1 AA, and where to ask for help. */
  accessibility: { reviewedAt: '2026-11-26', contact: '12345 政务服务便民热线' },
  /** How to apply for 依申请公开 information; shown instead of the body of such entries. */
  applyChannel: {
    name: '沈阳市人民政府信息公开申请',
    how: '可通过政府网站“依申请公开”栏目在线提交，或以信函、当面递交书面申请表的方式向发文机关提出申请。',
    phone: '12345',
  },
  /** 相关链接 in the footer; at a kiosk they show as QR codes. */
  relatedLinks: [
    { name: '中国政府网', url: 'https://www.gov.cn/' },
    { name: '辽宁省人民政府', url: 'https://www.ln.gov.cn/' },
  ],
};
