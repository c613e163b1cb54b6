/**
 * What Chinese government documents write around and inside department names: the role words of
 * a responsibility list, the standard short forms of department names, the units that belong to
 * no local government (vertical administration, central banks, state-owned enterprises) and the
 * internal offices of a department.
 */

/**
 * Words that say what a unit does in a task (`区经发局牵头`, `各科室配合`, `相关乡镇落实`), never
 * part of its name. Longer words first, so `牵头落实` goes as a whole.
 */
const TRAILING_ROLE =
  /(?:按职责分工负责|按职责负责|分别负责|共同负责|牵头负责|牵头落实|负责落实|配合落实|共同落实|具体落实|组织实施|牵头|负责|配合|参与|协助|协办|会同|落实|实施|指导|督促|等)$/u;
/** Words that open a role phrase before a name: `由区经发局牵头`, `会同区财金局`. */
const LEADING_ROLE = /^(?:由|会同|协助|配合|并|及|和|与)/u;
/** Punctuation that ends or opens a list item but never a name. */
const EDGE_PUNCTUATION = /^[\s\u3000：:，,。．.；;、]+|[\s\u3000：:，,。．.；;、]+$/gu;

/** Removes an unbalanced closing bracket at the end or an opening one at the start. */
function trimUnbalanced(name: string): string {
  let s = name;
  const opens = (t: string) => [...t].filter((c) => c === '（' || c === '(').length;
  const closes = (t: string) => [...t].filter((c) => c === '）' || c === ')').length;
  while (/[）)]$/u.test(s) && closes(s) > opens(s)) s = s.slice(0, -1);
  while (/^[（(]/u.test(s) && opens(s) > closes(s)) s = s.slice(1);
  return s;
}

/**
 * A department name as printed, without what surrounds it in a responsibility list: role words
 * (牵头, 负责, 配合, 参与, 协助, 会同, 落实, 分别负责, 按职责分工负责, 指导, 督促, 等) at either end,
 * list punctuation and unbalanced brackets. `办公室牵头` → 办公室, `由区经发局牵头落实` → 区经发局,
 * `区直有关部门等。` → 区直有关部门. Returns '' when nothing but role words is left.
 */
export function cleanDepartmentName(raw: string): string {
  let name = raw.trim();
  for (let previous = ''; previous !== name;) {
    previous = name;
    name = trimUnbalanced(name.replace(EDGE_PUNCTUATION, ''));
    name = name.replace(TRAILING_ROLE, '').replace(LEADING_ROLE, '');
  }
  return name;
}

/**
 * Units that belong to no government level of an issuer: vertically administered offices (海关,
 * 海事局, 边检站, 人民银行, 税务, 气象, 银保监, 统计调查队, 烟草, 邮政管理, 通信管理), the armed
 * forces and police of the centre (海警, 武警, 军分区, 人武部), and state-owned enterprises (电力,
 * 电信, 移动, 联通, 铁塔, 广电网络, 邮政, 铁路, 中国…公司, banks).
 */
const EXTERNAL_UNIT = new RegExp(
  [
    '海关',
    '海事局',
    '海事处',
    '(?:出入境)?边防检查站',
    '边检站',
    '检验检疫局',
    '(?:中国)?人民银行',
    '^人行',
    '(?:中心)?支行$',
    '分行$',
    '税务',
    '国税',
    '地税',
    '气象局',
    '银监',
    '保监',
    '证监',
    '银保监',
    '金融监管总局',
    '监管分局',
    '调查队',
    '烟草',
    '邮政',
    '通信管理',
    '通管办',
    '海警',
    '武警',
    '军分区',
    '人武部',
    '消防救援',
    '电力(?:公司|局)',
    '电业局',
    '供电(?:公司|局|所)',
    '国网',
    '电网',
    '(?:电信|移动|联通)(?:公司|分公司|局)',
    '中国(?:电信|移动|联通)',
    '铁塔',
    '广电网络',
    '铁路(?:局|公司|总公司|集团|公安)',
    '火车站',
    '^民航',
    '^中国[\\u4e00-\\u9fa5]{0,12}(?:公司|集团|银行)',
  ].join('|'),
  'u',
);

/** True for a unit outside every local government (平潭海关, 人民银行平潭支行, 国税局, 电力公司). */
export function isExternalUnit(name: string): boolean {
  return EXTERNAL_UNIT.test(name);
}

/**
 * A department's own offices, named without any level or place: 办公室, 法规科, 人事股, 生态保护处,
 * 驻局纪检组, 机关党委, 监察室; collectives such as 各科室, 机关各处室, 局属各单位. Only meaningful
 * when the issuer is itself a department.
 */
const INTERNAL_OFFICE =
  /^(?:局|委|厅|办|本局|我局|机关)?(?:各|有关|相关)?(?:[\u4e00-\u9fa5]{0,10}(?:科|股|处|室|科室|处室|股室|中队)|办公室|驻[局委厅办][\u4e00-\u9fa5]{0,4}(?:纪检组|纪检监察组)|纪检组|纪检监察组|机关党委|机关党支部|(?:局|委|厅)属[\u4e00-\u9fa5]{0,4}单位)$/u;

/** True for a name that reads as a department's internal office (see INTERNAL_OFFICE). */
export function isInternalOffice(name: string): boolean {
  return INTERNAL_OFFICE.test(name);
}

/**
 * What a department's name ends with, by class: two names denote one office only when their
 * suffixes are of the same class (委员会 and 委 are one class, 局 and 办 are not).
 */
const SUFFIX_CLASSES: [RegExp, string][] = [
  [/(?:委员会|委)$/u, '委'],
  [/(?:办公室|办)$/u, '办'],
  [/局$/u, '局'],
  [/厅$/u, '厅'],
  [/部$/u, '部'],
  [/中心$/u, '中心'],
  [/院$/u, '院'],
  [/(?:集团|公司)$/u, '公司'],
];

/** `{ stem, suffix }` of a name without its level prefix: 交通与建设局 → { 交通与建设, 局 }. */
export function splitSuffix(name: string): { stem: string; suffix: string } {
  for (const [re, cls] of SUFFIX_CLASSES) {
    const m = re.exec(name);
    if (m) return { stem: name.slice(0, m.index), suffix: cls };
  }
  return { stem: name, suffix: '' };
}

/** Connective words that join the parts of a department's name and may be left out (交通与建设局). */
export function dropConnectives(stem: string): string {
  return stem.replace(/[和与及暨、]/gu, '');
}

/**
 * Standard short forms whose letters are not the first characters of every word of the full name
 * (人社 leaves out 资源 and 保障), stem → full stem without connectives. Short forms made of the
 * first characters (经发 = 经济发展, 财金 = 财政金融, 市场监管 = 市场监督管理) need no entry.
 */
export const STANDARD_ABBREVIATIONS: Readonly<Record<string, string>> = {
  发展改革: '发展改革',
  人社: '人力资源社会保障',
  住建: '住房城乡建设',
  工信: '工业信息化',
  科工信: '科技工业信息化',
  卫计: '卫生计划生育',
  市场监管: '市场监督管理',
  食药监: '食品药品监督管理',
  质监: '质量技术监督',
  安监: '安全生产监督管理',
  国土: '国土资源',
  医保: '医疗保障',
  应急: '应急管理',
  退役军人: '退役军人事务',
  城管: '城市管理',
  审批: '行政审批',
  综合执法: '综合行政执法',
  国资: '国有资产监督管理',
  人防: '人民防空',
  编: '机构编制',
  外: '外事',
  台: '台湾事务',
  侨: '侨务',
  网信: '网络安全信息化',
  金融: '金融工作',
  政数: '政务服务数据管理',
  交通: '交通运输',
  民宗: '民族宗教事务',
  广电: '广播电视',
  党群: '党群工作',
  人行: '人民银行',
};

/** Words a short form may leave out entirely (党群工作部 → 党群部, 退役军人事务局 → 退役军人局). */
const FILLER_WORDS = new Set(['工作', '事务']);

/**
 * True when `short` is a short form of `full` (both stems without connectives) made the usual way:
 * the full stem read as two-character words, each word kept whole or by its first character
 * (经济发展 → 经发, 市场监督管理 → 市场监管, 交通建设 → 交建), a filler word (工作, 事务) possibly
 * left out. Every other word must leave a character, so 教育 is not a short form of 教育体育.
 */
export function isShortFormOf(short: string, full: string): boolean {
  const s = [...short];
  const f = [...full];
  if (s.length < 2 || s.length >= f.length) return false;
  const memo = new Map<string, boolean>();
  const match = (i: number, j: number): boolean => {
    if (j === f.length) return i === s.length;
    const key = `${i},${j}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const word = f.slice(j, j + 2).join('');
    let ok = false;
    if (word.length === 2) {
      if (s[i] === f[j] && s[i + 1] === f[j + 1]) ok = match(i + 2, j + 2);
      if (!ok && s[i] === f[j]) ok = match(i + 1, j + 2);
      if (!ok && FILLER_WORDS.has(word)) ok = match(i, j + 2);
    }
    if (!ok && s[i] === f[j] && f.length - j === 1) ok = match(i + 1, j + 1);
    memo.set(key, ok);
    return ok;
  };
  return match(0, 0);
}
