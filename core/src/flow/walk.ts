import ts from 'typescript';

/**
 * Pre-order walk over an explicit stack instead of recursion: generated or minified code nests
 * thousands of levels deep (a 5,000-term `+` chain), which would overflow the JS stack.
 * `enter` returns false to skip a node's children, or LEAVE to have `leave` run on the node
 * after its children (asked per node: most walks need it for function nodes only).
 *
 * It allocates nothing per node (a node is pushed twice when it asks for `leave`, the second time
 * marked in a parallel array): every file of the program is walked, and per-node garbage was a
 * measurable part of the rules' overhead in ESLint, whose heap is already large.
 */
export const LEAVE = 2;

export function walk(root: ts.Node, enter: (node: ts.Node) => boolean | void | typeof LEAVE, leave?: (node: ts.Node) => void): void {
  const nodes: ts.Node[] = [root];
  const leaving: boolean[] = [false];
  const push = (c: ts.Node): void => {
    nodes.push(c);
    leaving.push(false);
  };
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    if (leaving.pop()) {
      leave!(node);
      continue;
    }
    const how = enter(node);
    if (how === false) continue;
    if (how === LEAVE) {
      nodes.push(node);
      leaving.push(true);
    }
    const first = nodes.length;
    ts.forEachChild(node, push);
    // Children were pushed in source order; reverse them so the first is popped first.
    for (let i = first, j = nodes.length - 1; i < j; i++, j--) {
      const t = nodes[i]!;
      nodes[i] = nodes[j]!;
      nodes[j] = t;
    }
  }
}
