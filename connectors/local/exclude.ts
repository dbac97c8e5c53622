/**
 * The user's `--exclude` globs as one matcher over root-relative paths. Shared by the walk and by
 * reading threads, which hold the files a detector may read beside a file (`FolderMemo`) to what
 * the walk lists while the listing is still under way.
 */
import picomatch from 'picomatch';

/** A bare folder name (`fixtures`) means that folder anywhere; anything else is a glob. */
export function toIgnoreGlobs(patterns: readonly string[]): string[] {
  return patterns.flatMap((p) => {
    const clean = p.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
    if (clean === '') return [];
    return /[/*?[{]/.test(clean) ? [clean, `${clean}/**`] : [`**/${clean}`, `**/${clean}/**`];
  });
}

/** True for a root-relative path the user excluded (files and folders alike). */
export function excludedBy(patterns: readonly string[]): (path: string) => boolean {
  return ignoredBy(toIgnoreGlobs(patterns));
}

/** The same, from globs `toIgnoreGlobs` made already. */
export function ignoredBy(globs: readonly string[]): (path: string) => boolean {
  return globs.length > 0 ? picomatch([...globs], { dot: true }) : () => false;
}
