import { describe, expect, it } from 'vitest';
import { assertPublic, disclosureGate, isPublic } from '../../../src/lib/data/disclosure.ts';
import type { Disclosure } from '../../../src/schemas/common.ts';

const doc = (id: string, disclosure: Disclosure) => ({ id, data: { disclosure } });
const point = (id: string, document: string) => ({ id, data: { document: { id: document } } });

describe('isPublic (公开属性)', () => {
  it('lets only 主动公开 through', () => {
    expect(isPublic(doc('2021', '主动公开'))).toBe(true);
    expect(isPublic(doc('2022', '依申请公开'))).toBe(false);
    expect(isPublic(doc('2023', '不予公开'))).toBe(false);
  });

  it('does not accept a look-alike value', () => {
    expect(isPublic({ data: { disclosure: ' 主动公开' as Disclosure } })).toBe(false);
  });

  it('assertPublic throws for anything else, naming the entry', () => {
    expect(() => assertPublic(doc('2021', '主动公开'), 'document')).not.toThrow();
    expect(() => assertPublic(doc('2022', '依申请公开'), 'document')).toThrow(/2022/);
  });
});

describe('disclosureGate', () => {
  const gate = disclosureGate(
    [doc('2021', '主动公开'), doc('2022', '依申请公开'), doc('2023', '不予公开')],
    [point('2021/01', '2021'), point('2022/01', '2022'), point('2023/01', '2023')],
  );

  it('passes documents, and the points and tasks that inherit their 公开属性', () => {
    expect(['2021', '2022', '2023', 'missing'].map((id) => gate.document({ id }))).toEqual([true, false, false, false]);
    expect(gate.point(point('2021/02', '2021'))).toBe(true);
    expect(gate.point(point('2022/02', '2022'))).toBe(false);
    expect(gate.task({ data: { document: { id: '2023' } } })).toBe(false);
  });

  it('passes a 解读 or 图解 only when it and the document it explains are both 主动公开', () => {
    const interpretation = (disclosure: Disclosure, interprets: { point: { id: string } } | { document: { id: string } }) => ({
      data: { disclosure, interprets },
    });
    expect(gate.interpretation(interpretation('主动公开', { point: { id: '2021/01' } }))).toBe(true);
    expect(gate.interpretation(interpretation('主动公开', { document: { id: '2021' } }))).toBe(true);
    expect(gate.interpretation(interpretation('依申请公开', { point: { id: '2021/01' } }))).toBe(false);
    expect(gate.interpretation(interpretation('主动公开', { point: { id: '2022/01' } }))).toBe(false);
    expect(gate.interpretation(interpretation('主动公开', { document: { id: '2023' } }))).toBe(false);
    expect(gate.interpretation(interpretation('主动公开', { point: { id: '2099/01' } }))).toBe(false);
  });
});
