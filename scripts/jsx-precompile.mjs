// Precompiles the views for production: in the JavaScript esbuild makes of a .tsx module, every call of
// our JSX runtime for an HTML element or a fragment (`jsx("div", { className: "x", children: [...] })`)
// becomes one concatenation of strings (`htmlOf('<div class="x">' + childHtml(a) + '</div>')`): the
// markup written in the view is escaped and joined here, once, and a page only escapes and joins what
// changes from request to request. Nested elements merge into the same concatenation, so a page is built
// from fewer, longer strings (less to allocate, and less to flatten when it is encoded).
//
// The rules come from the runtime itself (src/web/jsx/jsx-runtime.ts, `precompileRules`), so a
// precompiled element is the runtime's element byte for byte; anything this file does not understand
// (a spread of props, `dangerouslySetInnerHTML`, children on a void element, a component) stays a call
// of the runtime. test/web/jsx-precompile.test.ts renders random trees both ways; test/cli/compiled
// compares whole pages.
import { build } from 'esbuild';
import ts from 'typescript';

const RUNTIME = '#jsx/jsx-runtime';
const H = '__mzHtml';
const C = '__mzChild';
const A = '__mzAttr';

/** The runtime's rules, loaded from its sources (bundled in memory, so this works before dist/ exists). */
async function loadRules(runtimePath) {
  const out = await build({ entryPoints: [runtimePath], bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'silent' });
  const mod = await import('data:text/javascript;base64,' + Buffer.from(out.outputFiles[0].text).toString('base64'));
  return mod.precompileRules;
}

/**
 * A function that precompiles one module's JavaScript (as esbuild emits it for the automatic JSX
 * runtime imported from `#jsx/jsx-runtime`); modules without JSX come back unchanged.
 *
 * @example (await precompiler(runtime))('import { jsx } from "#jsx/jsx-runtime"; export const a = jsx("b", { children: "x" });')
 * // → '… export const a = __mzHtml("<b>x</b>"); …'
 */
export async function precompiler(runtimePath) {
  const rules = await loadRules(runtimePath);
  return (code, fileName = 'module.js') => precompile(code, fileName, rules);
}

function precompile(code, fileName, rules) {
  if (!code.includes(RUNTIME)) return code;
  const file = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const names = runtimeImports(file);
  if (!names.jsx.size) return code;
  let changed = false;

  /** The module's text from `node.pos` to `node.end` (leading trivia kept), its JSX calls precompiled. */
  function emit(node) {
    if (ts.isCallExpression(node)) {
      const parts = compileCall(node);
      if (parts) {
        changed = true;
        return code.slice(node.pos, node.getStart(file)) + `${H}(${joined(parts)})`;
      }
    }
    let out = '';
    let at = node.pos;
    ts.forEachChild(node, (child) => {
      out += code.slice(at, child.pos) + emit(child);
      at = child.end;
    });
    return out + code.slice(at, node.end);
  }

  /** A node's own text (no leading trivia), its JSX calls precompiled. */
  const expression = (node) => emit(node).slice(node.getStart(file) - node.pos);

  /** The parts of an element or fragment call (strings of markup, or `{ code }` giving markup), or null to leave it to the runtime. */
  function compileCall(call) {
    const callee = call.expression;
    if (!ts.isIdentifier(callee) || !names.jsx.has(callee.text)) return null;
    const [tagArg, propsArg] = call.arguments;
    if (!tagArg || !propsArg || !ts.isObjectLiteralExpression(propsArg)) return null;
    const props = [];
    for (const p of propsArg.properties) {
      if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) props.push([p.name.text, p.initializer]);
      else if (ts.isShorthandPropertyAssignment(p)) props.push([p.name.text, p.name]);
      else return null;
    }
    const children = props.find(([name]) => name === 'children');
    if (ts.isIdentifier(tagArg) && names.fragment.has(tagArg.text)) return children ? childParts(children[1]) : [];
    if (!ts.isStringLiteral(tagArg)) return null;
    const tag = tagArg.text;
    rules.checkTag(tag);
    if (children && (rules.VOID.has(tag) || tag === 'input')) return null;
    const parts = ['<' + tag];
    for (const [name, value] of props) {
      if (name === 'children') continue;
      if (name === 'dangerouslySetInnerHTML' || name === 'ref') return null;
      const key = rules.RENAMED.get(name) ?? name;
      if (!rules.validName(key)) return null;
      const known = literal(value);
      if (known) parts.push(rules.attribute(tag, key, known.value));
      else parts.push({ code: `${A}(${JSON.stringify(tag)}, ${JSON.stringify(key)}, ${expression(value)})` });
    }
    if (!children) parts.push(rules.VOID.has(tag) ? '/>' : `></${tag}>`);
    else parts.push('>', ...childParts(children[1]), `</${tag}>`);
    return parts;
  }

  function childParts(node) {
    while (ts.isParenthesizedExpression(node)) node = node.expression;
    if (ts.isArrayLiteralExpression(node) && !node.elements.some((e) => ts.isSpreadElement(e) || ts.isOmittedExpression(e))) {
      return node.elements.flatMap((e) => childParts(e));
    }
    const known = literal(node);
    if (known && typeof known.value !== 'number') return [known.value === null || typeof known.value === 'boolean' ? '' : rules.escapeHtml(known.value)];
    if (known) return [String(known.value)];
    if (ts.isCallExpression(node)) {
      const parts = compileCall(node);
      if (parts) return parts;
    }
    return [{ code: `${C}(${expression(node)})` }];
  }

  const source = emit(file);
  if (!changed) return code;
  return `import { htmlOf as ${H}, childHtml as ${C}, attribute as ${A} } from ${JSON.stringify(RUNTIME)};\n` + source;
}

/** The value of a literal the runtime would see as is (a string, a finite number, true, false or null), or null. */
function literal(node) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { value: node.text };
  if (ts.isNumericLiteral(node)) return { value: Number(node.text) };
  if (node.kind === ts.SyntaxKind.TrueKeyword) return { value: true };
  if (node.kind === ts.SyntaxKind.FalseKeyword) return { value: false };
  if (node.kind === ts.SyntaxKind.NullKeyword) return { value: null };
  return null;
}

/** The local names of the runtime's `jsx`/`jsxs` and `Fragment` in this module. */
function runtimeImports(file) {
  const jsx = new Set();
  const fragment = new Set();
  for (const s of file.statements) {
    if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier) || s.moduleSpecifier.text !== RUNTIME) continue;
    const bindings = s.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const el of bindings.elements) {
      const imported = (el.propertyName ?? el.name).text;
      if (imported === 'jsx' || imported === 'jsxs') jsx.add(el.name.text);
      if (imported === 'Fragment') fragment.add(el.name.text);
    }
  }
  return { jsx, fragment };
}

/** Parts as one JavaScript expression, neighbouring strings merged. */
function joined(parts) {
  const merged = [];
  for (const p of parts) {
    if (typeof p === 'string' && typeof merged.at(-1) === 'string') merged[merged.length - 1] += p;
    else if (p !== '') merged.push(p);
  }
  if (merged.length === 0) return '""';
  return merged.map((p) => (typeof p === 'string' ? JSON.stringify(p) : p.code)).join(' + ');
}
