import ts from 'typescript';

/**
 * Pre-order walk over an explicit stack instead of recursion: generated or minified code nests
 * thousands of levels deep (a 5,000-term `+` chain), which would overflow the JS stack.
 * `enter` returns false to skip a node's children; `leave` runs after them.
 */
export function walk(root: ts.Node, enter: (node: ts.Node) => boolean | void, leave?: (node: ts.Node) => void): void {
  const stack: { node: ts.Node; leaving: boolean }[] = [{ node: root, leaving: false }];
  while (stack.length > 0) {
    const { node, leaving } = stack.pop()!;
    if (leaving) {
      leave!(node);
      continue;
    }
    if (enter(node) === false) continue;
    if (leave) stack.push({ node, leaving: true });
    const children: ts.Node[] = [];
    ts.forEachChild(node, (c) => void children.push(c));
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, leaving: false });
  }
}
