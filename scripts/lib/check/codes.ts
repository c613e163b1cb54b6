/**
 * Every finding `npm run check` can report has one stable code from this catalogue, printed with it
 * (`[ZW-MDX-004]`) and listed in the troubleshooting tables of docs/editor-guide.md (section 八),
 * so editors, reviewers and the bad-input fixtures can name a rule without quoting its wording.
 * A code never changes meaning: a new rule gets a new number, a removed rule's number is not reused.
 *
 * Areas: FILE reading the file (loadEntries), SCHEMA front-matter fields (validateSchemas), REF
 * references and file names (validateReferences, validateTopics), JIEDU 解读/图解 coverage and writing
 * (validateInterpretations, validateTujieImages), MDX the safety of a 解读 body (validateMdxSafety), TEXT
 * characters no text may hold (validateText), PUBLIC what `public/` may hold (validatePublicFiles).
 */
export const CHECK_CODES = {
  'ZW-FILE-001': { zh: '文件开头有 BOM', en: 'the file starts with a byte-order mark' },
  'ZW-FILE-002': { zh: '文件不是 UTF-8 编码', en: 'the file is not UTF-8' },
  'ZW-FILE-003': { zh: '文件是空的', en: 'the file is empty' },
  'ZW-FILE-004': { zh: '网站不会读取这个文件（扩展名不对或重复）', en: 'the site never reads this file (wrong extension or duplicate)' },
  'ZW-FILE-005': { zh: '同一篇解读既有 .md 又有 .mdx', en: 'one 解读 in both a .md and a .mdx file' },
  'ZW-FILE-006': { zh: 'YAML 格式错误', en: 'YAML syntax error' },
  'ZW-FILE-007': { zh: '内容目录中有符号链接', en: 'a symbolic link in the content tree' },

  'ZW-SCHEMA-001': { zh: '缺少必填字段', en: 'a required field is missing' },
  'ZW-SCHEMA-002': { zh: '字段类型不对', en: 'a field has the wrong type' },
  'ZW-SCHEMA-003': { zh: '未知字段', en: 'unknown field' },
  'ZW-SCHEMA-004': { zh: '字段的值不符合规则', en: 'a field value breaks its rule' },

  'ZW-REF-001': { zh: '引用的条目不存在', en: 'a reference names no entry' },
  'ZW-REF-002': { zh: '文件编号不合规', en: 'invalid document id' },
  'ZW-REF-003': { zh: '部分在文件中不存在', en: 'the section does not exist in the document' },
  'ZW-REF-004': { zh: '小部分不在所在部分中', en: 'the subsection is not in its section' },
  'ZW-REF-005': { zh: '要点文件名与编号不一致', en: 'a point file name does not match its number' },
  'ZW-REF-006': { zh: '工作台账文件名与任务不一致', en: 'a progress file name does not match its task' },
  'ZW-REF-007': { zh: '要点没有任何任务', en: 'a point has no task' },
  'ZW-REF-008': { zh: '专题成员没有主动公开', en: 'a topic member is not published (主动公开)' },
  'ZW-REF-009': { zh: '专题文件名与网站的其他页面冲突', en: 'a topic file name collides with another page of the site' },

  'ZW-JIEDU-001': { zh: '解读对象不存在', en: 'what it interprets does not exist' },
  'ZW-JIEDU-002': { zh: '文件名与解读对象不符', en: 'the file name does not match what it interprets' },
  'ZW-JIEDU-003': { zh: '违反“三同步”', en: '三同步: not published with the policy' },
  'ZW-JIEDU-004': { zh: '解读照抄了原文', en: 'the 解读 copies its 原文' },
  'ZW-JIEDU-005': { zh: '<Quote> 引文过长', en: 'a <Quote> is too long' },
  'ZW-JIEDU-006': { zh: '<Quote> 中的文字在原文中找不到', en: 'a <Quote> is not in the 原文' },
  'ZW-JIEDU-007': { zh: '解读正文过短', en: 'the 解读 is too short' },
  'ZW-JIEDU-008': { zh: '缺少二级标题', en: 'a required section heading is missing' },
  'ZW-JIEDU-009': { zh: '政策缺少文字解读或图解', en: 'a public policy has no 解读 or 图解' },
  'ZW-JIEDU-010': { zh: '图解图片不在图解文件所在的文件夹中', en: 'a 图解 image is outside its entry’s folder' },
  'ZW-JIEDU-011': { zh: '图解图片文件不存在', en: 'the 图解 image file is missing' },
  'ZW-JIEDU-012': { zh: '图解图片格式不支持', en: 'unsupported 图解 image format' },

  'ZW-MDX-001': { zh: 'MDX 语法错误', en: 'MDX syntax error' },
  'ZW-MDX-002': { zh: '不允许使用 import、export 语句', en: 'import and export statements are not allowed' },
  'ZW-MDX-003': { zh: '不允许使用 JSX 表达式', en: 'JSX expressions are not allowed' },
  'ZW-MDX-004': { zh: '不允许使用 HTML 标签', en: 'HTML tags are not allowed' },
  'ZW-MDX-005': { zh: '不能写 HTML 注释', en: 'HTML comments are not allowed' },
  'ZW-MDX-006': { zh: '组件只能用在 .mdx 文件中', en: 'components work in .mdx files only' },
  'ZW-MDX-007': { zh: '未知组件', en: 'unknown component' },
  'ZW-MDX-008': { zh: '不允许使用事件属性', en: 'event-handler attributes are not allowed' },
  'ZW-MDX-009': { zh: '不允许使用 javascript:、vbscript:、data: 网址', en: 'javascript:, vbscript: and data: URLs are not allowed' },
  'ZW-MDX-010': { zh: '链接的网址协议不被允许', en: 'the link scheme is not allowed' },
  'ZW-MDX-011': { zh: '图片缺少替代文字（alt）', en: 'the image has no alt text' },
  'ZW-MDX-012': { zh: '<Figure> 缺少 src', en: '<Figure> has no src' },
  'ZW-MDX-013': { zh: '<Tasks> 的要点缺少或不存在', en: '<Tasks> names no existing point' },
  'ZW-MDX-014': { zh: '不允许引用外部图片', en: 'remote images are not allowed' },
  'ZW-MDX-015': { zh: '图片路径须以 / 开头', en: 'an image path must start with /' },
  'ZW-MDX-016': { zh: '图片文件不存在', en: 'image file not found' },
  'ZW-MDX-017': { zh: '图片文件过大', en: 'the image file is too large' },
  'ZW-MDX-018': { zh: '图片格式不支持', en: 'unsupported image format' },
  'ZW-MDX-019': { zh: '图片过宽', en: 'the image is too wide' },
  'ZW-MDX-020': { zh: '<Figure> 缺少 width 或 height', en: '<Figure> needs width and height' },
  'ZW-MDX-021': { zh: '<Figure> 的尺寸与图片不符', en: '<Figure> size does not match the image' },
  'ZW-MDX-022': { zh: '解读正文不能用一级标题', en: 'a 解读 body has no level-1 heading' },
  'ZW-MDX-023': { zh: '标题的锚点与页面本身的元素重名', en: 'a heading’s anchor is an id the page itself uses' },

  'ZW-TEXT-001': { zh: '文字中有控制字符', en: 'the text holds a control character' },
  'ZW-TEXT-002': { zh: '文字中有文字方向控制字符', en: 'the text holds a bidi control character' },

  'ZW-PUBLIC-001': { zh: 'public/ 中有符号链接', en: 'a symbolic link in public/' },
  'ZW-PUBLIC-002': { zh: 'public/ 中不允许这种文件', en: 'public/ may not hold this kind of file' },
  'ZW-PUBLIC-003': {
    zh: '只能是项目自带的文件（HTML、SVG 或构建生成的文件）',
    en: "only the project's own files may be HTML, SVG or a file the build writes",
  },
  'ZW-PUBLIC-004': { zh: '文件内容与扩展名不符', en: "the file's content does not match its extension" },
  'ZW-PUBLIC-005': { zh: 'SVG 含有脚本、事件属性或外部引用', en: 'the SVG holds script, event handlers or outside references' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type CheckCode = keyof typeof CHECK_CODES;
