/**
 * A strict, small checker for the package's SVG pictures: the document must be well-formed XML (every tag closed
 * in order, quoted attributes, no stray '<'), have an <svg> root with the SVG namespace and a viewBox, and use only
 * plain drawing elements. Anything that could run code, load something or carry text is refused.
 */
const ALLOWED_ELEMENTS = new Set([
  'svg',
  'g',
  'circle',
  'rect',
  'ellipse',
  'polygon',
  'polyline',
  'path',
  'line',
]);
const FORBIDDEN_ATTRIBUTE = /^(on.*|href|xlink:href|src|style)$/i;

export function checkSvg(source: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let root: { name: string; attrs: Map<string, string> } | null = null;
  let at = 0;
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*"[^"<]*")*)\s*(\/?)>/y;
  const attr = /\s+([\w:.-]+)\s*=\s*"([^"<]*)"/g;
  while (at < source.length) {
    const lt = source.indexOf('<', at);
    const text = source.slice(at, lt === -1 ? undefined : lt);
    if (text.trim() !== '') problems.push(`text content outside tags: "${text.trim().slice(0, 20)}"`);
    if (lt === -1) break;
    if (source.startsWith('<?xml', lt)) {
      const end = source.indexOf('?>', lt);
      if (end === -1 || lt !== 0) problems.push('misplaced XML declaration');
      at = end === -1 ? source.length : end + 2;
      continue;
    }
    if (source.startsWith('<!', lt)) {
      problems.push('comments, CDATA and DOCTYPE are not allowed');
      break;
    }
    tag.lastIndex = lt;
    const m = tag.exec(source);
    if (!m) {
      problems.push(`malformed tag at offset ${lt}`);
      break;
    }
    const [whole, closing, name, attrText, selfClosing] = m as unknown as [
      string,
      string,
      string,
      string,
      string,
    ];
    at = lt + whole.length;
    if (closing) {
      if (selfClosing || attrText) problems.push(`malformed closing tag </${name}>`);
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}>`);
      continue;
    }
    if (!ALLOWED_ELEMENTS.has(name)) problems.push(`element <${name}> is not allowed`);
    const attrs = new Map<string, string>();
    for (const a of attrText.matchAll(attr)) {
      const [, key, value] = a as unknown as [string, string, string];
      if (attrs.has(key)) problems.push(`duplicate attribute ${key} on <${name}>`);
      attrs.set(key, value);
      if (FORBIDDEN_ATTRIBUTE.test(key)) problems.push(`attribute ${key} on <${name}> is not allowed`);
      if (/url\(|javascript:|data:/i.test(value))
        problems.push(`attribute ${key} refers to something: ${value}`);
    }
    if (root === null) {
      if (stack.length > 0) problems.push('more than one root');
      root = { name, attrs };
    } else if (stack.length === 0) {
      problems.push('content after the root element');
    }
    if (!selfClosing) stack.push(name);
  }
  if (stack.length > 0) problems.push(`unclosed <${stack.join('>, <')}>`);
  if (!root) problems.push('no root element');
  else {
    if (root.name !== 'svg') problems.push(`root is <${root.name}>, not <svg>`);
    if (root.attrs.get('xmlns') !== 'http://www.w3.org/2000/svg')
      problems.push('root lacks the SVG namespace');
    const vb = root.attrs.get('viewBox');
    if (!vb || !/^-?[\d.]+ -?[\d.]+ [\d.]+ [\d.]+$/.test(vb)) problems.push('root lacks a numeric viewBox');
  }
  return problems;
}
