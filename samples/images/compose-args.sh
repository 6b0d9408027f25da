# Sourced (no process of its own) by ./jcompose and samples/images/ensure.sh: reads a jcompose
# command line into `verb` (its first word that is not an option or an option's value), `files`
# (the -f files, else compose.yaml) and `detach` (1 when -d or --detach is given).
# An option missing its value at the end of the line is skipped: the CLI reports it.
compose_args() {
  verb=
  files=()
  detach=
  local arg
  for arg in "$@"; do [[ $arg == -d || $arg == --detach ]] && detach=1; done
  while (($#)) && [[ -z $verb ]]; do
    case "$1" in
      -f | --file) files+=("${2:-}"); shift $(($# > 1 ? 2 : 1)) ;;
      --file=*) files+=("${1#--file=}"); shift ;;
      -f?*) files+=("${1#-f}"); shift ;;
      -p | --project-name | --project-directory | --env-file | --profile | --parallel | --progress | --ansi)
        shift $(($# > 1 ? 2 : 1)) ;;
      -*) shift ;;
      *) verb="$1" ;;
    esac
  done
  ((${#files[@]})) || files=(compose.yaml)
}

# True when the command brings a stack up (up, create, run) from a file that may be one of
# samples/ under $1: a path inside it, or a symbolic link (resolved only by ensure.sh).
# Decided without starting a process, so other commands and files pay nothing.
may_use_a_sample() {
  local samples="$1/samples/" file path
  case "$verb" in up | create | run) ;; *) return 1 ;; esac
  for file in "${files[@]}"; do
    [[ $file == /* ]] && path="$file" || path="$(pwd -P)/$file"
    [[ $path == "$samples"* || -L $file || -L ${file%/*} ]] && return 0
  done
  return 1
}
