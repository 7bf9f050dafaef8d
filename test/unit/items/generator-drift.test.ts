import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPackage } from '../../../items/tools/lib/package';
import { svgDocument } from '../../../items/tools/lib/svg';
import { PACKAGE, listFiles, readJson } from '../../support/items-content-package-files';

/**
 * The committed package must be exactly what the generator builds: a hand edit to an item file (or a generator
 * change without rerunning it) fails here. Speech is not resynthesised (that needs espeak-ng); the set of sound
 * files is compared instead.
 */
const built = buildPackage();

describe('committed package matches items/tools/generate.ts', () => {
  it('test definition', () => expect(readJson('test-definition.json')).toEqual(built.definition));

  it('every item, practice item and instruction file', () => {
    for (const { item } of built.built)
      expect(readJson(`bank/${item.family}/${item.id}.json`), item.id).toEqual(item);
    for (const p of built.practice) expect(readJson(`practice/${p.id}.json`), p.id).toEqual(p);
    for (const i of built.instructions)
      expect(readJson(`instructions/${i.language}.json`), i.language).toEqual(i);
    expect(listFiles('bank')).toHaveLength(built.built.length);
    expect(listFiles('practice')).toHaveLength(built.practice.length);
  });

  it('every picture, byte for byte, and no other', () => {
    expect(listFiles('assets')).toEqual([...built.reg.svgs.keys()].sort());
    for (const [file, svg] of built.reg.svgs)
      expect(readFileSync(join(PACKAGE, file), 'utf8'), file).toBe(svg);
  });

  it('the same set of sound files', () => {
    const onDisk = [
      ...listFiles('audio'),
      ...listFiles('instructions').filter((f) => f.endsWith('.ogg')),
    ].sort();
    expect(onDisk).toEqual([...built.reg.sounds.keys()].sort());
  });

  it('wraps pictures in a complete SVG document', () => {
    expect(svgDocument('<g/>')).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="100" height="100"><g/></svg>\n',
    );
  });
});
