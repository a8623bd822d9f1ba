/**
 * Where JSON text goes wrong. JSON.parse's messages do not always carry a position (Node 20:
 * "Unexpected token '}', ... is not valid JSON"), so after a failed parse this small strict scanner
 * finds the first offending character and reports it as line and column.
 */

export interface JsonErrorAt {
  line: number;
  column: number;
  /** e.g. "unexpected '}'" or "unexpected end of text". */
  problem: string;
}

class Stop extends Error {
  constructor(readonly pos: number) {
    super('stop');
  }
}

/** Returns where the first syntax error is, or undefined if the text is valid JSON. */
export function locateJsonError(text: string): JsonErrorAt | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const expect = (ok: boolean) => {
    if (!ok) throw new Stop(i);
  };
  const value = (depth: number): void => {
    expect(depth < 10_000);
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          ws();
          expect(text[i] === '"');
          string();
          ws();
          expect(text[i] === ':');
          i++;
        }
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        expect(text[i] === close);
        i++;
        return;
      }
    }
    if (c === '"') return string();
    const lit = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    expect(lit !== null);
    i += lit![0].length;
  };
  const string = (): void => {
    i++;
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        i++;
        return;
      }
      expect(c >= ' ');
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          i++;
          expect(/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5)));
          i += 5;
          continue;
        }
        i++;
        expect(e !== undefined && '"\\/bfnrt'.includes(e));
      }
      i++;
    }
    throw new Stop(i);
  };
  try {
    value(0);
    ws();
    expect(i >= text.length);
    return undefined;
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    return at(text, e.pos);
  }
}

function at(text: string, pos: number): JsonErrorAt {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < pos && k < text.length; k++) {
    if (text[k] === '\n') {
      line++;
      lineStart = k + 1;
    }
  }
  const ch = text[pos];
  const problem =
    ch === undefined
      ? 'unexpected end of text (a bracket, brace or quote is probably not closed)'
      : `unexpected ${JSON.stringify(ch)}`;
  return { line, column: pos - lineStart + 1, problem };
}
