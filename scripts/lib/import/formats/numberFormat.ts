/**
 * Renders a list counter in one of Word's number formats (`w:numFmt`, ECMA-376 §17.18.59), as
 * Word prints it: `chineseCounting` 11 → 十一, `decimalEnclosedCircle` 3 → ③, `upperRoman` 4 → IV.
 */

const CHINESE_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const LEGAL_DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const HEAVENLY_STEMS = [...'甲乙丙丁戊己庚辛壬癸'];
const EARTHLY_BRANCHES = [...'子丑寅卯辰巳午未申酉戌亥'];

/**
 * A number below 10 000 in Chinese counting (十一, 二十, 一百零五, 一千零一十): `digits` are the
 * words for 0–9 (only 1–9 are used; a gap is 零), `units` the words for 10, 100, 1000; a leading 一 before 十 is left out for 10–19 unless `tenWithOne`.
 */
function chineseCounting(n: number, digits: readonly string[], units: readonly string[], tenWithOne: boolean): string {
  const places = [Math.floor(n / 1000) % 10, Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  let out = '';
  let zero = false;
  places.forEach((d, i) => {
    const unit = i < 3 ? units[2 - i]! : '';
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += (d === 1 && i === 2 && out === '' && !tenWithOne ? '' : digits[d]) + unit;
  });
  return out;
}

const enclosed = (first: number, n: number, last: number) => (n >= 1 && n <= last ? String.fromCodePoint(first + n - 1) : String(n));

/** a…z, then aa…zz, aaa…: Word repeats the letter. */
function letters(n: number, a: string): string {
  const letter = String.fromCharCode(a.charCodeAt(0) + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let out = '';
  let rest = n;
  for (const [value, text] of table) {
    while (rest >= value) {
      out += text;
      rest -= value;
    }
  }
  return out;
}

const FORMATS: Record<string, (n: number) => string | undefined> = {
  decimal: (n) => String(n),
  decimalHalfWidth: (n) => String(n),
  decimalZero: (n) => (n < 10 ? `0${n}` : String(n)),
  decimalFullWidth: (n) => [...String(n)].map((d) => String.fromCharCode(0xff10 + Number(d))).join(''),
  decimalFullWidth2: (n) => [...String(n)].map((d) => String.fromCharCode(0xff10 + Number(d))).join(''),
  decimalEnclosedCircle: (n) => enclosed(0x2460, n, 20),
  decimalEnclosedCircleChinese: (n) => enclosed(0x2460, n, 20),
  decimalEnclosedParen: (n) => enclosed(0x2474, n, 20),
  decimalEnclosedFullstop: (n) => enclosed(0x2488, n, 20),
  chineseCounting: (n) => chineseCounting(n, CHINESE_DIGITS, ['十', '百', '千'], false),
  chineseCountingThousand: (n) => chineseCounting(n, CHINESE_DIGITS, ['十', '百', '千'], false),
  japaneseCounting: (n) => chineseCounting(n, CHINESE_DIGITS, ['十', '百', '千'], false),
  taiwaneseCounting: (n) => chineseCounting(n, CHINESE_DIGITS, ['十', '百', '千'], false),
  taiwaneseCountingThousand: (n) => chineseCounting(n, CHINESE_DIGITS, ['十', '百', '千'], false),
  chineseLegalSimplified: (n) => chineseCounting(n, LEGAL_DIGITS, ['拾', '佰', '仟'], true),
  ideographLegalTraditional: (n) => chineseCounting(n, LEGAL_DIGITS, ['拾', '佰', '仟'], true),
  ideographDigital: (n) => [...String(n)].map((d) => CHINESE_DIGITS[Number(d)]).join(''),
  taiwaneseDigital: (n) => [...String(n)].map((d) => CHINESE_DIGITS[Number(d)]).join(''),
  ideographTraditional: (n) => HEAVENLY_STEMS[n - 1],
  ideographZodiac: (n) => EARTHLY_BRANCHES[n - 1],
  lowerLetter: (n) => letters(n, 'a'),
  upperLetter: (n) => letters(n, 'A'),
  lowerRoman: (n) => roman(n),
  upperRoman: (n) => roman(n).toUpperCase(),
  none: () => '',
};

/** Whether `formatNumber` knows the format (bullets are not numbers and are not known). */
export function knowsNumberFormat(format: string): boolean {
  return format in FORMATS;
}

/**
 * `n` (1-based, below 10 000) printed in Word's number format `format`; undefined for a format
 * this reader does not know or a number the format cannot print (甲乙丙 beyond 癸).
 */
export function formatNumber(n: number, format: string): string | undefined {
  if (!Number.isInteger(n) || n < 0 || n >= 10_000) return undefined;
  if (n === 0) return format === 'none' ? '' : format.startsWith('decimal') ? '0' : undefined;
  return FORMATS[format]?.(n);
}
