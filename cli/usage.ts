import { renderMessage, type Language, type MessageCode, type Params } from '../locale/index.js';

/**
 * A mistake in how the command was called: exit code 2. Like a UserError it is a catalog code with parameters
 * (`new UsageError('usage.ageing-needs')`), said in the command's language; Error.message is its English, for logs.
 */
export class UsageError extends Error {
  readonly code: MessageCode;
  readonly params: Params;

  constructor(code: MessageCode, params: Params = {}) {
    super(renderMessage('en', { code, params }));
    this.name = 'UsageError';
    this.code = code;
    this.params = params;
  }

  /** The mistake in the reader's language. */
  render(lang: Language): string {
    return renderMessage(lang, { code: this.code, params: this.params });
  }

  /** A mistake node:util parseArgs found (unknown option, missing value …). */
  static fromParseArgs(e: Error & { code: string }): UsageError {
    const [code, params] = parseArgsMistake(e);
    return new ParseArgsMistake(code, params, e.message);
  }
}

/** The option Node's message names, said in words; in English Node's own sentence, word for word. */
class ParseArgsMistake extends UsageError {
  constructor(code: MessageCode, params: Params, private readonly nodeText: string) {
    super(code, params);
    this.message = nodeText;
  }

  override render(lang: Language): string {
    return lang === 'en' ? this.nodeText : super.render(lang);
  }
}

/** Node's message names the option in quotes (`Unknown option '--foo'`, `Option '-p, --port <value>' argument missing`). */
function parseArgsMistake(e: Error & { code: string }): [MessageCode, Params] {
  const quoted = /'([^']*)'/.exec(e.message)?.[1];
  const option = quoted?.split(/[ ,]+/).find((part) => part.startsWith('--')) ?? quoted?.split(/[ ,]+/)[0];
  if (option) {
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return ['usage.unknown-option', { option }];
    if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return ['usage.unexpected-argument', { argument: quoted }];
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      if (/argument missing/.test(e.message)) return ['usage.option-needs-value', { option }];
      if (/does not take an argument/.test(e.message)) return ['usage.option-takes-no-value', { option }];
      if (/ambiguous/.test(e.message)) return ['usage.option-value-ambiguous', { option }];
    }
  }
  return ['usage.parse-failed', { detail: e.message }];
}

/** `ka-settle help`, in the reader's language. */
export function usageText(lang: Language): string {
  return renderMessage(lang, { code: 'usage.help' });
}

/** The help in English, as it always read. */
export const USAGE = usageText('en');
