/**
 * @module A line diff (longest common subsequence) for comparing two revisions. Articles are a few
 * hundred lines at most, so the quadratic table stays small; past a bound the middle is shown as
 * replaced rather than spending time on it.
 */

export interface DiffLine {
  op: 'same' | 'add' | 'del';
  text: string;
}

const MAX_CELLS = 4_000_000;

/**
 * The lines of `a` and `b` as kept, removed and added, in order.
 *
 * @example lineDiff('a\nb', 'a\nc') // → [{op:'same',text:'a'},{op:'del',text:'b'},{op:'add',text:'c'}]
 */
export function lineDiff(a: string, b: string): DiffLine[] {
  const x = a.split('\n');
  const y = b.split('\n');
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let endX = x.length;
  let endY = y.length;
  while (endX > start && endY > start && x[endX - 1] === y[endY - 1]) {
    endX--;
    endY--;
  }
  const head = x.slice(0, start).map((text) => ({ op: 'same' as const, text }));
  const tail = x.slice(endX).map((text) => ({ op: 'same' as const, text }));
  const mx = x.slice(start, endX);
  const my = y.slice(start, endY);
  if (mx.length * my.length > MAX_CELLS) {
    return [...head, ...mx.map((text) => ({ op: 'del' as const, text })), ...my.map((text) => ({ op: 'add' as const, text })), ...tail];
  }
  const n = mx.length;
  const m = my.length;
  const table = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * (m + 1) + j] = mx[i] === my[j] ? table[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(table[(i + 1) * (m + 1) + j], table[i * (m + 1) + j + 1]);
    }
  }
  const middle: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (mx[i] === my[j]) {
      middle.push({ op: 'same', text: mx[i] });
      i++;
      j++;
    } else if (table[(i + 1) * (m + 1) + j] >= table[i * (m + 1) + j + 1]) {
      middle.push({ op: 'del', text: mx[i++] });
    } else {
      middle.push({ op: 'add', text: my[j++] });
    }
  }
  while (i < n) middle.push({ op: 'del', text: mx[i++] });
  while (j < m) middle.push({ op: 'add', text: my[j++] });
  return [...head, ...middle, ...tail];
}
