import type { MessageCompiler, MessageContext } from 'vue-i18n';

/**
 * A tiny message compiler, so the bundle can drop vue-i18n's own
 * (`__INTLIFY_DROP_MESSAGE_COMPILER__`). Syntax: `{name}` / `{0}` placeholders and
 * `one | other` (or `zero | one | other`) plural forms. Nothing else is special:
 * `@`, `$` and `%` are plain text, so e-mail examples need no escaping.
 */
type Token = string | { name: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const re = /\{\s*(\w+)\s*\}/g;
  let last = 0;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    if (m.index > last) tokens.push(source.slice(last, m.index));
    tokens.push({ name: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < source.length) tokens.push(source.slice(last));
  return tokens;
}

function render(tokens: Token[], ctx: MessageContext<string>): string {
  let out = '';
  for (const t of tokens) {
    if (typeof t === 'string') {
      out += t;
    } else {
      const v = /^\d+$/.test(t.name) ? ctx.list(Number(t.name)) : ctx.named(t.name);
      out += v === undefined || v === null ? '' : String(v);
    }
  }
  return out;
}

export function compileMessage(source: string): (ctx: MessageContext<string>) => string {
  const forms = source.split(/\s+\|\s+/).map(tokenize);
  if (forms.length === 1) {
    const only = forms[0]!;
    return (ctx) => render(only, ctx);
  }
  return (ctx) => ctx.plural(forms.map((f) => render(f, ctx)) as never) as unknown as string;
}

const cache = new Map<string, (ctx: MessageContext<string>) => string>();

export const messageCompiler: MessageCompiler = ((message: unknown, context: { key: string }) => {
  if (typeof message !== 'string') return () => context.key;
  let fn = cache.get(message);
  if (!fn) {
    fn = compileMessage(message);
    cache.set(message, fn);
  }
  return fn;
}) as unknown as MessageCompiler;
