import { describe, expect, it } from 'vitest';
import { cleanDepartmentName, isExternalUnit, isShortFormOf } from '../../../scripts/lib/import/departmentLexicon.ts';
import { restorePrefixes, splitDepartmentList } from '../../../scripts/lib/import/departmentList.ts';
import { readResponsibilityCell } from '../../../scripts/lib/import/responsibility.ts';
import { departmentAliases, sameOffice, similarDepartments } from '../../../scripts/lib/import/departmentAliases.ts';
import { departmentKind, issuerIsDepartment } from '../../../scripts/lib/import/departmentSlug.ts';
import { resolveDepartments } from '../../../scripts/lib/import/departments.ts';

const PINGTAN = '平潭综合实验区';
const HUANTUJU = '平潭综合实验区环境与国土资源局';
const GUANWEIHUI_OFFICE = '平潭综合实验区管委会办公室';

/** Reads roles, splits and restores prefixes the way a table cell is read. */
function read(list: string): { lead: string[]; units: string[] } {
  const roles = readResponsibilityCell(list);
  const names = (raw: string | undefined) => restorePrefixes(splitDepartmentList(raw ?? ''), 1).names;
  return { lead: names(roles?.lead), units: names(roles?.units) };
}

describe('cleanDepartmentName', () => {
  it('drops role words and punctuation at either end', () => {
    expect(cleanDepartmentName('办公室牵头')).toBe('办公室');
    expect(cleanDepartmentName('由区经发局牵头落实')).toBe('区经发局');
    expect(cleanDepartmentName('各科室配合')).toBe('各科室');
    expect(cleanDepartmentName('相关乡镇落实')).toBe('相关乡镇');
    expect(cleanDepartmentName('区直有关部门等。')).toBe('区直有关部门');
    expect(cleanDepartmentName('各区县（市）政府按职责分工负责')).toBe('各区县（市）政府');
    expect(cleanDepartmentName('会同区财金局')).toBe('区财金局');
    expect(cleanDepartmentName('区社会事业局（医改办）')).toBe('区社会事业局（医改办）');
    expect(cleanDepartmentName('区环境监测站）')).toBe('区环境监测站');
    expect(cleanDepartmentName('牵头')).toBe('');
  });
});

describe('splitDepartmentList and restorePrefixes', () => {
  it('keeps 区直各相关单位 whole and completes the bare departments after a level word', () => {
    expect(restorePrefixes(splitDepartmentList('区办数字办、经济发展局、区直各相关单位'), 1).names).toEqual([
      '区办数字办',
      '区经济发展局',
      '区直各相关单位',
    ]);
  });

  it('never adds the list prefix to a vertical unit, and takes a printed shared level off one that names its place', () => {
    expect(restorePrefixes(['区人民银行平潭支行', '经济发展局'], 1).names).toEqual(['人民银行平潭支行', '区经济发展局']);
    expect(restorePrefixes(['区经济发展局', '平潭海关'], 1).names).toEqual(['区经济发展局', '平潭海关']);
    expect(restorePrefixes(['区经发局', '财金局', '税务局'], 1).names).toEqual(['区经发局', '区财金局', '税务局']);
    expect(restorePrefixes(['市财政局', '海事局', '气象局'], 1).names).toEqual(['市财政局', '海事局', '气象局']);
  });

  it('reads 资源 of 资源生态局 as a department word, not the place 资源县', () => {
    expect(restorePrefixes(['君山片区', '区农业农村局', '资源生态局'], 1).names).toEqual(['君山片区', '区农业农村局', '区资源生态局']);
  });
});

describe('a responsibility cell read with its role words, then split (corpus 06, 07, 02)', () => {
  it('splits leads from units by 牵头 and 配合', () => {
    expect(read('区经发局牵头，区交建局、环土局、电信公司、电力公司、广电网络分公司')).toEqual({
      lead: ['区经发局'],
      units: ['区交建局', '区环土局', '电信公司', '电力公司', '广电网络分公司'],
    });
    expect(read('区财金局、经发局牵头，区环土局、交建局、社会事业局')).toEqual({
      lead: ['区财金局', '区经发局'],
      units: ['区环土局', '区交建局', '区社会事业局'],
    });
    expect(read('区农发局牵头，区环土局配合，相关乡镇落实')).toEqual({ lead: ['区农发局'], units: ['区环土局', '相关乡镇'] });
    expect(read('区农发局，区规划局配合')).toEqual({ lead: ['区农发局'], units: ['区规划局'] });
    expect(read('办公室牵头，各科室配合')).toEqual({ lead: ['办公室'], units: ['各科室'] });
    expect(read('驻局纪检组、办公室牵头落实')).toEqual({ lead: ['驻局纪检组', '办公室'], units: [] });
    expect(read('区经发局牵头，区财金局、国税局、地税局、市场监管局、电力公司')).toEqual({
      lead: ['区经发局'],
      units: ['区财金局', '国税局', '地税局', '区市场监管局', '电力公司'],
    });
  });

  it('reads a list without role words as responsible units with no lead', () => {
    expect(read('相关乡镇人民政府、区农发局、区环土局')).toEqual({ lead: [], units: ['相关乡镇人民政府', '区农发局', '区环土局'] });
  });
});

describe('department kinds', () => {
  it('knows units outside every local government', () => {
    for (const name of [
      '平潭海关',
      '福州海关',
      '平潭海事局',
      '平潭边检站',
      '人民银行平潭支行',
      '中国人民银行平潭中心支行',
      '国家税务总局平潭综合实验区税务局',
      '国税局',
      '平潭银保监组',
      '中国电信平潭分公司',
      '中国邮政平潭分公司',
      '电力公司',
      '人行',
    ])
      expect([name, departmentKind(name)]).toEqual([name, 'external']);
    expect(isExternalUnit('区经发局')).toBe(false);
    expect(isExternalUnit('市铁路建设办公室')).toBe(false);
  });

  it('tells collectives, lower governments and departments apart', () => {
    expect(departmentKind('区直各相关单位')).toBe('group');
    expect(departmentKind('相关乡镇')).toBe('group');
    expect(departmentKind('各片区管理局')).toBe('group');
    expect(departmentKind('流水镇')).toBe('district');
    expect(departmentKind('君山片区')).toBe('district');
    expect(departmentKind('沈河区政府')).toBe('district');
    expect(departmentKind('区交通集团')).toBe('municipal');
  });

  it('reads an issuer as a department or as its government', () => {
    expect(issuerIsDepartment(HUANTUJU)).toBe(true);
    expect(issuerIsDepartment('江门市财政局')).toBe(true);
    expect(issuerIsDepartment('福建省发展和改革委员会')).toBe(true);
    expect(issuerIsDepartment(GUANWEIHUI_OFFICE)).toBe(false);
    expect(issuerIsDepartment('沈阳市人民政府办公厅')).toBe(false);
    expect(issuerIsDepartment('国务院办公厅')).toBe(false);
    expect(issuerIsDepartment('沈阳市政务公开领导小组')).toBe(false);
    expect(issuerIsDepartment('平潭综合实验区党工委      平潭综合实验区管委会')).toBe(false);
  });

  it("makes a department issuer's own offices internal, and only then", () => {
    for (const name of ['办公室', '生态保护处', '环境影响评价处', '驻局纪检组', '各科室', '法规科', '人事股', '局属各单位'])
      expect([name, departmentKind(name, HUANTUJU)]).toEqual([name, 'internal']);
    expect(departmentKind('区环境监测站', HUANTUJU)).toBe('municipal');
    expect(departmentKind('区办公室', HUANTUJU)).toBe('municipal');
    expect(departmentKind('平潭海关', HUANTUJU)).toBe('external');
    expect(departmentKind('办公室', GUANWEIHUI_OFFICE)).toBe('municipal');
  });
});

describe('spellings of one office', () => {
  it('merges connectives, standard short forms and first-character short forms', () => {
    expect(sameOffice('区交通建设局', '区交通与建设局')).toBe(true);
    expect(sameOffice('区财金局', '区财政金融局')).toBe(true);
    expect(sameOffice('区市场监管局', '区市场监督管理局')).toBe(true);
    expect(sameOffice('市人社局', '市人力资源和社会保障局')).toBe(true);
    expect(sameOffice('市住建局', '市住房和城乡建设局')).toBe(true);
    expect(sameOffice('省发改委', '省发展和改革委员会')).toBe(true);
    expect(sameOffice('区党群部', '区党群工作部')).toBe(true);
    expect(sameOffice('资源生态局', '区资源生态局')).toBe(true);
  });

  it('keeps distinct offices apart', () => {
    expect(sameOffice('区教育局', '区教育和体育局')).toBe(false);
    expect(sameOffice('区银监局', '区银监办')).toBe(false);
    expect(sameOffice('区国税局', '区地税局')).toBe(false);
    expect(sameOffice('市财政局', '区财政局')).toBe(false);
    expect(sameOffice('区社会事业局', '区社会事业局（医改办）')).toBe(false);
    expect(sameOffice('区办', '区办公室')).toBe(false);
    expect(isShortFormOf('教育', '教育体育')).toBe(false);
    expect(isShortFormOf('教体', '教育体育')).toBe(true);
  });

  it('lists the merges of a document and the names it left for an editor', () => {
    expect(departmentAliases(['区交通建设局', '区公安局', '区交通与建设局', '区财金局', '区财政金融局', '区公安局'])).toEqual([
      { name: '区交通与建设局', aliases: ['区交通建设局'] },
      { name: '区财政金融局', aliases: ['区财金局'] },
    ]);
    expect(similarDepartments(['区教育局', '区教育和体育局', '区公安局'])).toEqual([['区教育局', '区教育和体育局']]);
  });
});

describe('resolveDepartments', () => {
  it('files corpus 10 (issued for the government): one entry per office, outside units without the prefix', () => {
    const names = ['区交通建设局', '区交通与建设局', '平潭海关', '人民银行平潭支行', '区国税局', '国税局', '区直各相关单位'];
    const { bySlug, slugOf, aliases } = resolveDepartments(names, [], PINGTAN, GUANWEIHUI_OFFICE);
    expect(bySlug.map((d) => [d.slug, d.name, d.kind, d.aliases, d.government ?? null])).toEqual([
      ['ping-tan-hai-guan', '平潭海关', 'external', [], null],
      ['ping-tan-zong-he-shi-yan-qu-guo-shui-ju', '区国税局', 'external', ['国税局'], PINGTAN],
      ['ping-tan-zong-he-shi-yan-qu-jiao-tong-yu-jian-she-ju', '区交通与建设局', 'municipal', ['区交通建设局'], PINGTAN],
      ['ping-tan-zong-he-shi-yan-qu-qu-zhi-ge-xiang-guan-dan-wei', '区直各相关单位', 'group', [], PINGTAN],
      ['ren-min-yin-hang-ping-tan-zhi-hang', '人民银行平潭支行', 'external', [], null],
    ]);
    expect(slugOf.get('区交通建设局')).toBe('ping-tan-zong-he-shi-yan-qu-jiao-tong-yu-jian-she-ju');
    expect(aliases).toEqual([
      { name: '区交通与建设局', aliases: ['区交通建设局'] },
      { name: '区国税局', aliases: ['国税局'] },
    ]);
  });

  it('files corpus 02 (issued by a department): its own offices are internal, owned by it, once each', () => {
    const names = ['区环境监测站', '生态保护处', '办公室', '驻局纪检组', '办公室', '驻局纪检组'];
    const { bySlug } = resolveDepartments(names, [], PINGTAN, HUANTUJU);
    expect(bySlug.map((d) => [d.slug, d.name, d.kind, d.owner ?? null, d.government ?? null])).toEqual([
      ['ping-tan-zong-he-shi-yan-qu-huan-jing-jian-ce-zhan', '区环境监测站', 'municipal', null, PINGTAN],
      ['ping-tan-zong-he-shi-yan-qu-huan-jing-yu-guo-tu-zi-yuan-ju-ban-gong-shi', '办公室', 'internal', HUANTUJU, null],
      ['ping-tan-zong-he-shi-yan-qu-huan-jing-yu-guo-tu-zi-yuan-ju-sheng-tai-bao-hu-chu', '生态保护处', 'internal', HUANTUJU, null],
      ['ping-tan-zong-he-shi-yan-qu-huan-jing-yu-guo-tu-zi-yuan-ju-zhu-ju-ji-jian-zu', '驻局纪检组', 'internal', HUANTUJU, null],
    ]);
  });

  it('maps another spelling of an existing office to its entry', () => {
    const existing = [{ slug: 'shi-shi-chang-jian-guan-ju', name: '市市场监管局', aliases: [], kind: 'municipal' as const }];
    const { bySlug, slugOf } = resolveDepartments(['市市场监督管理局'], existing);
    expect(slugOf.get('市市场监督管理局')).toBe('shi-shi-chang-jian-guan-ju');
    expect(bySlug.map((d) => [d.slug, d.existing])).toEqual([['shi-shi-chang-jian-guan-ju', true]]);
  });
});

describe('similar names left for an editor', () => {
  it("does not take a government's own office for a spelling of its other offices (the seed: 市政府办公室 / 市政府新闻办)", () => {
    expect(similarDepartments(['市政府办公室', '市政府新闻办', '市财政局'])).toEqual([]);
    expect(similarDepartments(['区教育局', '区教育和体育局'])).toEqual([['区教育局', '区教育和体育局']]);
  });
});
