import { describe, expect, it } from 'vitest';
import { statusText } from '../../../src/lib/search/statusText.ts';

const counts = { exact: 0, loose: 0, unchecked: 0, pending: false };

describe('statusText', () => {
  it('counts exact results, then related ones, and says when more pages can be checked', () => {
    expect(statusText(' 三同步 ', { ...counts, exact: 3 })).toBe('找到 3 个包含“三同步”的结果。');
    expect(statusText('三同步', { ...counts, exact: 3, loose: 2, unchecked: 40 })).toBe(
      '找到 3 个包含“三同步”的结果，另有 2 个相关结果，还有页面可以继续查看。',
    );
  });

  it('never announces related results as exact ones, however many pages were checked', () => {
    expect(statusText('公开 目录', { ...counts, loose: 40, unchecked: 80 })).toBe(
      '没有完全包含“公开 目录”的页面，以下是 40 个相关结果，还有页面可以继续查看。',
    );
    expect(statusText('公开 目录', { ...counts, loose: 40 })).toBe('没有完全包含“公开 目录”的页面，以下是 40 个相关结果。');
  });

  it('says nothing was found only when no page is left to check', () => {
    expect(statusText('甲乙', counts)).toBe('没有找到与“甲乙”相关的内容。');
    expect(statusText('"甲乙"', { ...counts, unchecked: 5 })).toBe('已查看的页面中没有包含“"甲乙"”的内容，还有页面可以继续查看。');
  });

  it('says the older indexes are still being searched', () => {
    expect(statusText('三同步', { ...counts, exact: 5, pending: true })).toBe('找到 5 个包含“三同步”的结果，正在查找更多页面…');
    expect(statusText('三同步', { ...counts, pending: true })).toBe('正在查找包含“三同步”的更多页面…');
  });
});
