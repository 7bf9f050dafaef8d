import { describe, expect, it } from 'vitest';
import { checkSvg } from './svg-check';

const ok =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><g transform="scale(2)"><circle cx="1" cy="2" r="3"/></g></svg>';

describe('checkSvg refuses what a package picture must not contain', () => {
  it('accepts a plain drawing', () => expect(checkSvg(ok)).toEqual([]));
  it.each([
    ['a script', ok.replace('<g', '<script>alert(1)</script><g')],
    ['text', ok.replace('<g', '<text x="1">A</text><g')],
    ['an event handler', ok.replace('<circle', '<circle onclick="x()"')],
    ['an external link', ok.replace('<circle', '<image href="http://example.org/a.png"/><circle')],
    ['a url() reference', ok.replace('r="3"', 'r="3" fill="url(http://x/y)"')],
    ['no viewBox', ok.replace(' viewBox="0 0 100 100"', '')],
    ['no namespace', ok.replace(' xmlns="http://www.w3.org/2000/svg"', '')],
    ['an unclosed element', ok.replace('</g>', '')],
    ['crossed nesting', ok.replace('</g></svg>', '</svg></g>')],
    ['an unquoted attribute', ok.replace('r="3"', 'r=3')],
    ['a comment', ok.replace('<g', '<!-- hi --><g')],
    ['a style attribute', ok.replace('<circle', '<circle style="x"')],
  ])('%s', (_, source) => expect(checkSvg(source).length).toBeGreaterThan(0));
});
