import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyWhenChanged, packageVersion, sha256File } from './build-cache';

describe('build cache', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cairn-build-cache-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('copies a file that is missing, leaves one that is the same, and replaces one that differs', () => {
    const src = join(dir, 'src.bin');
    const dst = join(dir, 'dst.bin');
    writeFileSync(src, 'abc');
    copyWhenChanged(src, dst);
    expect(readFileSync(dst, 'utf8')).toBe('abc');

    // An old mtime that a copy would reset: the same bytes are not copied again.
    utimesSync(dst, 1_000, 1_000);
    copyWhenChanged(src, dst);
    expect(statSync(dst).mtimeMs).toBe(1_000_000);

    writeFileSync(src, 'abd');
    copyWhenChanged(src, dst);
    expect(readFileSync(dst, 'utf8')).toBe('abd');
    expect(sha256File(dst)).toBe(sha256File(src));
  });

  it("reads an installed package's version, and fails plainly for one not installed", () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    expect(packageVersion('assemblyscript')).toBe(pkg.devDependencies.assemblyscript);
    expect(() => packageVersion('no-such-package-here')).toThrow(/ENOENT/);
  });
});
