# SPDX-License-Identifier: Apache-2.0
# bash completion for fundscreen: commands, options, the values of --format and the other
# options with a fixed set of values, and file names (criteria sets: *.yaml).

_fundscreen() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
  local commands="screen explain report letters diff impact reviews validate lint init verify"
  local command="" w
  for w in "${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
    case " $commands " in *" $w "*) command=$w; break ;; esac
  done
  if [[ -z $command ]]; then
    COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
    return
  fi

  local input="--encoding --delimiter --sheet --strict"
  local screening="--criteria -c --assessments -a --conflicts --reviewers --resolutions --lang --timestamp $input"
  local options formats
  case $command in
    screen) options="$screening --format -f --output -o --color --fail-on --csv-dialect --seal"
      formats="table csv json jsonl markdown junit github xlsx" ;;
    explain) options="$screening" ;;
    letters) options="$screening --output-dir -o --force" ;;
    report) options="$screening --output -o --by --title" ;;
    diff) options="${screening/--criteria -c /} --format -f --output -o --fail-on-change --csv-dialect"
      formats="table csv json markdown xlsx" ;;
    impact) options="--criteria -c --outcomes --assessments -a --conflicts --reviewers --resolutions --lang $input --format -f --output -o --color --fail-on --csv-dialect"
      formats="table csv json markdown xlsx" ;;
    reviews) options="$screening --format -f --output -o --csv-dialect"
      formats="table csv json markdown xlsx" ;;
    validate) options="--criteria -c --assessments -a --outcomes -o --conflicts --reviewers --resolutions $input --format -f"
      formats="text github sarif" ;;
    lint) options="--strict --format -f"
      formats="text github sarif" ;;
    init) options="--from" ;;
    verify) options="${screening/--lang --timestamp /} --public-key --format -f"
      formats="table json" ;;
  esac

  case $prev in
    --format | -f) COMPREPLY=($(compgen -W "$formats" -- "$cur")); return ;;
    --lang) COMPREPLY=($(compgen -W "fi sv en" -- "$cur")); return ;;
    --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    --encoding) COMPREPLY=($(compgen -W "utf-8 windows-1252" -- "$cur")); return ;;
    --delimiter) COMPREPLY=($(compgen -W ", ; | tab" -- "$cur")); return ;;
    --csv-dialect) COMPREPLY=($(compgen -W "standard excel-fi excel-sv" -- "$cur")); return ;;
    --sheet) return ;;
    --fail-on)
      if [[ $command == impact ]]; then
        COMPREPLY=($(compgen -W "yellow red" -- "$cur"))
      else
        COMPREPLY=($(compgen -W "reject clarify pending reserve fund" -- "$cur"))
      fi
      return ;;
    --timestamp) return ;;
    --by | --title) return ;;
    --criteria | -c | --from) COMPREPLY=($(compgen -f -X '!*.yaml' -- "$cur") $(compgen -f -X '!*.yml' -- "$cur") $(compgen -d -- "$cur")); return ;;
    --assessments | -a | --outcomes | --conflicts | --reviewers | --resolutions | --output | --seal | --public-key)
      COMPREPLY=($(compgen -f -- "$cur")); return ;;
    -o) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --output-dir) COMPREPLY=($(compgen -d -- "$cur")); return ;;
  esac

  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$options --help -h" -- "$cur"))
  elif [[ $command == init ]]; then
    COMPREPLY=($(compgen -d -- "$cur"))
  elif [[ $command == lint ]]; then
    COMPREPLY=($(compgen -f -X '!*.yaml' -- "$cur") $(compgen -f -X '!*.yml' -- "$cur") $(compgen -d -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}

complete -o filenames -F _fundscreen fundscreen
