import {loadTopologyFile} from '../../adapters/topology-file.js';
import {printable} from '../../core/printable.js';
import {writtenFlag} from '../shared/flag-values.js';
import {flagSpec} from '../shared/invocation.js';
import {commandNames} from '../shared/names.js';
import {themeNames} from '../../ui/themes/names.js';

export const completionUsage = `
  Usage
    $ failsight completion bash|zsh|fish

  Prints a script that completes failsight's commands and flags, and the ids of the topology
  file named on the line after --fail, --failover, --down, --up and --unknown.

    bash   add to ~/.bashrc:                 source <(failsight completion bash)
    zsh    add to ~/.zshrc (after compinit): source <(failsight completion zsh)
    fish   failsight completion fish > ~/.config/fish/completions/failsight.fish

  The script asks \`failsight completion ids FILE\` for the ids, one a line, at completion time.
`;

export type Shell = 'bash' | 'zsh' | 'fish';
export const shells: readonly Shell[] = ['bash', 'zsh', 'fish'];

/** A flag as it is written: includeGslb → --include-gslb; color (on by default) → --no-color. */
function written(name: string, flag: {type: string; default?: unknown}): string {
  const long = writtenFlag(name);
  return flag.type === 'boolean' && flag.default === true ? `--no-${long.slice(2)}` : long;
}

const entries = Object.entries(flagSpec) as Array<[string, {type: string; default?: unknown}]>;

/** Every flag as written, then --help and --version. */
export const flagWords = [
  ...entries.map(([name, flag]) => written(name, flag)),
  '--help',
  '--version',
];
/** Flags followed by a value: the word after one is never the topology file. */
export const valueFlags = entries
  .filter(([, flag]) => flag.type === 'string')
  .map(([name, flag]) => written(name, flag));
/** Flags whose value is an id of the topology. */
export const idFlags = ['--fail', '--failover', '--down', '--up', '--unknown'];
/** Flags whose value is a file (or, for --compare, a file or git REV:path). */
const fileFlags = ['--events', '--audit', '--out', '--merge', '--compare'];
export const commandWords = [...commandNames, 'completion'];

const choices: Record<string, readonly string[]> = {
  '--lang': ['en', 'ko'],
  '--format': ['text', 'markdown', 'json'],
  '--theme': themeNames,
};

/**
 * The bash script. Ids never pass through `compgen -W`, which expands `$(…)` in its word list:
 * each is compared as a string and quoted with `printf %q` before it reaches the line.
 */
function bash(): string {
  const choiceCases = Object.entries(choices)
    .map(
      ([flag, words]) =>
        `    ${flag}) mapfile -t COMPREPLY < <(compgen -W '${words.join(' ')}' -- "$cur"); return ;;`,
    )
    .join('\n');
  return `# failsight completion for bash: source <(failsight completion bash)
_failsight_file() {
  local i word skip=0 file=
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=\${COMP_WORDS[i]}
    if ((skip)); then skip=0; continue; fi
    case $word in
      ${valueFlags.join('|')}) skip=1 ;;
      -*) ;;
      *) if ((i == 1)) && [[ " ${commandWords.join(' ')} " == *" $word "* ]]; then :; else file=$word; fi ;;
    esac
  done
  printf '%s' "$file"
}
_failsight() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=
  ((COMP_CWORD > 0)) && prev=\${COMP_WORDS[COMP_CWORD-1]}
  COMPREPLY=()
  case $prev in
    ${idFlags.join('|')})
      local id file
      file=$(_failsight_file)
      [[ -n $file ]] || return 0
      while IFS= read -r id; do
        [[ $id == "$cur"* ]] && COMPREPLY+=("$(printf '%q' "$id")")
      done < <(failsight completion ids "$file" 2>/dev/null)
      return 0 ;;
${choiceCases}
    ${fileFlags.join('|')}) compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$cur"); return 0 ;;
  esac
  if [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W '${flagWords.join(' ')}' -- "$cur")
    return 0
  fi
  if ((COMP_CWORD == 1)); then
    mapfile -t COMPREPLY < <(compgen -W '${commandWords.join(' ')}' -- "$cur")
  fi
  compopt -o filenames 2>/dev/null
  local files
  mapfile -t files < <(compgen -f -- "$cur")
  COMPREPLY+=("\${files[@]}")
  return 0
}
complete -F _failsight failsight
`;
}

/** The zsh script: compadd quotes what it inserts. */
function zsh(): string {
  const choiceCases = Object.entries(choices)
    .map(([flag, words]) => `    ${flag}) compadd -- ${words.join(' ')}; return ;;`)
    .join('\n');
  return `#compdef failsight
# failsight completion for zsh: source <(failsight completion zsh), after compinit
_failsight_file() {
  local i word skip=0 file=
  for ((i = 2; i < CURRENT; i++)); do
    word=\${words[i]}
    if ((skip)); then skip=0; continue; fi
    case $word in
      ${valueFlags.join('|')}) skip=1 ;;
      -*) ;;
      *) if ((i == 2)) && (( \${commands_[(Ie)$word]} )); then :; else file=$word; fi ;;
    esac
  done
  print -r -- "$file"
}
_failsight() {
  local -a commands_ flags_ ids
  commands_=(${commandWords.join(' ')})
  flags_=(${flagWords.join(' ')})
  local prev=\${words[CURRENT-1]} cur=\${words[CURRENT]}
  case $prev in
    ${idFlags.join('|')})
      local file=$(_failsight_file)
      [[ -n $file ]] || return 1
      ids=(\${(f)"$(failsight completion ids "$file" 2>/dev/null)"})
      compadd -- "\${ids[@]}"
      return ;;
${choiceCases}
    ${fileFlags.join('|')}) _files; return ;;
  esac
  if [[ $cur == -* ]]; then compadd -- "\${flags_[@]}"; return; fi
  if ((CURRENT == 2)); then compadd -- "\${commands_[@]}"; fi
  _files
}
compdef _failsight failsight
`;
}

/** The fish script: fish takes each line of a command substitution as one candidate. */
function fish(): string {
  const lines = [
    '# failsight completion for fish: failsight completion fish > ~/.config/fish/completions/failsight.fish',
    'function __failsight_file',
    '    set -l words (commandline -opc)',
    '    set -l file',
    '    set -l skip 0',
    '    for i in (seq 2 (count $words))',
    '        set -l word $words[$i]',
    '        if test $skip -eq 1',
    '            set skip 0',
    '            continue',
    '        end',
    '        switch $word',
    `            case ${valueFlags.join(' ')}`,
    '                set skip 1',
    "            case '-*'",
    '            case "*"',
    `                if test $i -eq 2; and contains -- $word ${commandWords.join(' ')}`,
    '                    continue',
    '                end',
    '                set file $word',
    '        end',
    '    end',
    '    printf "%s" $file',
    'end',
    'function __failsight_ids',
    '    set -l file (__failsight_file)',
    '    test -n "$file"; and failsight completion ids $file 2>/dev/null',
    'end',
    `complete -c failsight -n __fish_use_subcommand -f -a '${commandWords.join(' ')}'`,
  ];
  for (const [name, flag] of entries) {
    const long = written(name, flag).slice(2);
    const value = idFlags.includes(`--${long}`)
      ? " -x -a '(__failsight_ids)'"
      : choices[`--${long}`]
        ? ` -x -a '${choices[`--${long}`]?.join(' ')}'`
        : flag.type === 'string'
          ? ' -r'
          : '';
    lines.push(`complete -c failsight -l ${long}${value}`);
  }
  lines.push('complete -c failsight -l help', 'complete -c failsight -l version');
  return lines.join('\n') + '\n';
}

export function completionScript(shell: Shell): string {
  return shell === 'bash' ? bash() : shell === 'zsh' ? zsh() : fish();
}

/**
 * The ids of FILE's components and services, one a line, sorted. Ids hold no space, comma or
 * control character (the schema refuses them), so a line is one id; a file that does not load
 * gives none, silently: completion never prints an error into the line being typed.
 */
export async function completionIds(file: string): Promise<string[]> {
  try {
    const result = await loadTopologyFile(file);
    return result.ok ? [...result.model.components.keys()].map(printable).sort() : [];
  } catch {
    return [];
  }
}

/** `failsight completion bash|zsh|fish` and `failsight completion ids FILE`. */
export async function completionCommand(args: readonly string[]): Promise<number> {
  const [what, file, ...rest] = args;
  if (what === '--help' || what === undefined) {
    (what === undefined ? process.stderr : process.stdout).write(completionUsage);
    return what === undefined ? 2 : 0;
  }
  if (what === 'ids' && file !== undefined && rest.length === 0) {
    const ids = await completionIds(file);
    process.stdout.write(ids.map((id) => `${id}\n`).join(''));
    return 0;
  }
  if ((shells as readonly string[]).includes(what) && file === undefined) {
    process.stdout.write(completionScript(what as Shell));
    return 0;
  }
  process.stderr.write(`failsight: completion takes bash, zsh or fish\n${completionUsage}`);
  return 2;
}
