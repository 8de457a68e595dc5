# bash completion for policy-outline: commands, options, formats, sheets.
# Commands and options are read from the program's own --help, so they
# follow whatever version is installed; formats and sheets are listed here.

_policy_outline_formats() {
    case $1 in
    outline) echo "json jsonl markdown md text html" ;;
    table) echo "csv tsv jsonl xlsx" ;;
    compare) echo "text markdown md json csv" ;;
    esac
}

_policy_outline() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
    local prog=${COMP_WORDS[0]} cmd=${COMP_WORDS[1]:-}
    COMPREPLY=()
    if [ "$COMP_CWORD" -eq 1 ]; then
        local cmds
        cmds=$("$prog" --help 2>/dev/null | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')
        mapfile -t COMPREPLY < <(compgen -W "$cmds --help --version" -- "$cur")
        return
    fi
    if [ "$cmd" = rules ] && [ "$COMP_CWORD" -eq 2 ] && [[ $cur != -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "check list contract" -- "$cur")
        return
    fi
    case $prev in
    -f | --format)
        mapfile -t COMPREPLY < <(compgen -W "$(_policy_outline_formats "$cmd")" -- "$cur")
        return
        ;;
    --only-with)
        mapfile -t COMPREPLY < <(compgen -W "directives meetings" -- "$cur")
        return
        ;;
    -s | --sheet)
        mapfile -t COMPREPLY < <(compgen -W "items people meetings dates all" -- "$cur")
        return
        ;;
    -r | --rules)
        compopt -o filenames 2>/dev/null
        mapfile -t COMPREPLY < <(compgen -d -- "$cur")
        return
        ;;
    -o | --output | --files-from)
        compopt -o filenames 2>/dev/null
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
        return
        ;;
    -j | --jobs | -t | --threshold | --article | --min-size | --reference-date | --title | --max-bytes)
        return # a value to type
        ;;
    esac
    if [[ $cur == -* ]]; then
        local opts
        opts=$("$prog" "$cmd" --help 2>/dev/null |
            grep -oE '^ +(-[A-Za-z], )?--[a-z][a-z-]*(, --[a-z][a-z-]*)?' | grep -oE -- '--[a-z][a-z-]*')
        mapfile -t COMPREPLY < <(compgen -W "$opts" -- "$cur")
        return
    fi
    compopt -o filenames 2>/dev/null
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
}

complete -F _policy_outline policy-outline
