#!/usr/bin/env bash
# Builds the Debian package from an already built tree (scripts/package --no-build) and checks
# it as a user installing it would meet it: the files it holds, its metadata, man pages that
# render and document every option, the unpacked binary linting the bundled journeys, and
# completion scripts that parse and complete.
# Usage: package_test.sh SOURCE_DIR BUILD_DIR WORK_DIR
set -euo pipefail
source_dir=$1 build_dir=$2 work=$3
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
note() { echo "-- $*"; }

rm -rf "$work"
mkdir -p "$work"
deb=$("$source_dir/scripts/package" --no-build --build-dir "$build_dir" --output-dir "$work/out")
[[ -f $deb ]] || { echo "FAIL: scripts/package printed \`$deb\`, not a file" >&2; exit 1; }
note "package: $(basename "$deb"), $(stat -c %s "$deb") bytes"
[[ -f $deb.sha256 ]] || fail "no checksum file beside the package"
# The same build packaged again gives the same bytes.
again=$("$source_dir/scripts/package" --no-build --build-dir "$build_dir" --output-dir "$work/again")
cmp -s "$deb" "$again" || fail "packaging the same build twice gave different packages"

# The commands, as `journey --help` lists them.
built=$build_dir/tools/journey
mapfile -t commands < <("$built" --help |
  awk 'tolower($0) ~ /^subcommands:/ {on = 1; next} on && /^$/ {exit} on && /^  [a-z]/ {print $1}')
((${#commands[@]} >= 5)) || { echo "FAIL: read only ${#commands[@]} commands from journey --help" >&2; exit 1; }
note "commands: ${commands[*]}"

# Contents --------------------------------------------------------------------------------
dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|; s|/$||' | sort > "$work/contents.txt"
expected=(/usr/bin/journey /usr/share/man/man1/journey.1.gz
  /usr/share/bash-completion/completions/journey /usr/share/zsh/vendor-completions/_journey
  /usr/share/fish/vendor_completions.d/journey.fish
  /usr/share/journey/schema/journey.schema.json /usr/share/journey/schema/catalog.schema.json
  /usr/share/doc/journey/README.md /usr/share/doc/journey/format.md)
for command in "${commands[@]}"; do
  expected+=("/usr/share/man/man1/journey-$command.1.gz")
done
for page in "$source_dir"/docs/rules/*.md; do
  expected+=("/usr/share/doc/journey/rules/$(basename "$page")")
done
for journey in "$source_dir"/journeys/*.yaml; do
  expected+=("/usr/share/doc/journey/examples/journeys/$(basename "$journey")")
done
for path in "${expected[@]}"; do
  grep -qxF "$path" "$work/contents.txt" || fail "the package has no $path"
done
# The runtime only: not the static libraries, headers and CMake files of find_package(journey).
if grep -E '^/usr/(include|lib)/|\.a$' "$work/contents.txt"; then
  fail "the package holds development files (above)"
fi
if grep -vE '^/usr(/|$)|^/?$' "$work/contents.txt"; then
  fail "the package installs outside /usr (above)"
fi
man_pages=$(grep -c '^/usr/share/man/man1/journey.*\.1\.gz$' "$work/contents.txt")
((man_pages == ${#commands[@]} + 1)) ||
  fail "$man_pages man pages for ${#commands[@]} commands and journey(1): a page for a hidden command, or a stale one?"

# Metadata --------------------------------------------------------------------------------
field() { dpkg-deb -f "$deb" "$1"; }
version=$("$built" --version | awk '{print $2}')
[[ $(field Package) == journey ]] || fail "Package is \`$(field Package)\`"
[[ $(field Version) == "$version-1" ]] || fail "Version is \`$(field Version)\`, journey says $version"
[[ $(field Architecture) == "$(dpkg --print-architecture)" ]] || fail "Architecture is \`$(field Architecture)\`"
[[ $(field Maintainer) =~ ^[^\<]+\ \<[^\>]+@[^\>]+\>$ ]] || fail "Maintainer is \`$(field Maintainer)\`"
[[ -n $(field Description) ]] || fail "no Description"
long_lines=$(field Description | awk 'length > 80')
[[ -z $long_lines ]] || fail "Description lines over 80 columns: $long_lines"
depends=$(field Depends)
note "Depends: $depends"
for library in libc6 libstdc++6 libgvc6 libcgraph6; do
  [[ $depends == *"$library"* ]] || fail "Depends lacks $library (dpkg-shlibdeps not run?)"
done

# The unpacked binary ---------------------------------------------------------------------
dpkg-deb -x "$deb" "$work/root"
journey=$work/root/usr/bin/journey
[[ $("$journey" --version) == "journey $version" ]] || fail "journey --version says \`$("$journey" --version)\`"
file "$journey" | grep ', stripped' > /dev/null || fail "the binary is not stripped: $(file "$journey")"
examples=$work/root/usr/share/doc/journey/examples/journeys
if ! "$journey" lint "$examples" > "$work/lint.txt" 2>&1; then
  cat "$work/lint.txt" >&2
  fail "journey lint of the bundled journeys failed"
fi
"$journey" render "$examples/apply-by-post.yaml" -o "$work/apply-by-post.svg" ||
  fail "journey render of a bundled journey failed"
grep '<svg' "$work/apply-by-post.svg" > /dev/null || fail "journey render wrote no SVG"
# ... and finds a mistake in a copy of one of them (shared catalog beside it).
mkdir -p "$work/broken"
cp "$examples"/*.yaml "$work/broken/"
sed -i '0,/^    channel:/s//    chanel:/' "$work/broken/apply-by-post.yaml"
status=0
"$journey" lint "$work/broken/apply-by-post.yaml" > "$work/broken.txt" 2>&1 || status=$?
((status == 1)) || fail "journey lint of a journey with an unknown key exited $status, not 1"
grep '\[unknown-key\]' "$work/broken.txt" > /dev/null ||
  fail "journey lint did not report the unknown key: $(cat "$work/broken.txt")"
cmp -s "$work/root/usr/share/journey/schema/journey.schema.json" <("$journey" schema) ||
  fail "the installed journey.schema.json is not what journey schema prints"

# Manual pages ----------------------------------------------------------------------------
check_page() { # PAGE.gz COMMAND... (the words after `journey` whose --help the page documents)
  local page=$1 text warnings
  shift
  warnings=$(zcat "$page" | groff -man -Tascii -ww -z 2>&1) || true
  [[ -z $warnings ]] || fail "$(basename "$page"): groff warns: $warnings"
  text=$(zcat "$page" | groff -man -Tascii -P-cbou 2>/dev/null)
  lexgrog "$page" > /dev/null || fail "$(basename "$page"): no NAME section whatis can read"
  for section in NAME SYNOPSIS DESCRIPTION OPTIONS 'EXIT STATUS'; do
    grep -q "^$section\$" <<<"$text" || fail "$(basename "$page") has no $section section"
  done
  # Every option `journey ... --help` lists is documented.
  local option
  for option in $("$built" "$@" --help | grep -oE '(^|[ ,])--[a-z][a-z-]*' | tr -d ' ,' | sort -u); do
    grep -qE -- "(^|[ ,])$option\\b" <<<"$text" || fail "$(basename "$page") does not document $option"
  done
}
check_page "$work/root/usr/share/man/man1/journey.1.gz"
for command in "${commands[@]}"; do
  check_page "$work/root/usr/share/man/man1/journey-$command.1.gz" "$command"
  zcat "$work/root/usr/share/man/man1/journey.1.gz" | grep "journey\\\\-$command" > /dev/null ||
    fail "journey(1) does not refer to journey-$command(1)"
done

# Completions -----------------------------------------------------------------------------
bash_script=$work/root/usr/share/bash-completion/completions/journey
bash -n "$bash_script" || fail "the bash completion does not parse"
complete_bash() { # WORD... : what bash completes for the last word
  bash --norc --noprofile -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1));
    _journey; printf "%s\n" "${COMPREPLY[@]}"' _ "$bash_script" "$@"
}
bash --norc --noprofile -c 'source "$1"; complete -p journey' _ "$bash_script" | grep -- '-F _journey' > /dev/null ||
  fail "the bash completion does not register _journey for journey"
[[ $(complete_bash journey li) == lint ]] || fail "bash completes \`journey li\` to \`$(complete_bash journey li)\`"
[[ $(complete_bash journey '' | sort) == $(printf '%s\n' "${commands[@]}" | sort) ]] ||
  fail "bash completes \`journey \` to $(complete_bash journey '' | tr '\n' ' '), not the commands"
complete_bash journey lint --format '' | grep -x sarif > /dev/null || fail "bash does not complete lint --format values"
complete_bash journey lint --format = '' | grep -x junit > /dev/null || fail "bash does not complete lint --format= values"
complete_bash journey lint --st | grep -x -- --strict > /dev/null || fail "bash does not complete lint's --strict"
complete_bash journey render --view '' | grep -x compare > /dev/null || fail "bash does not complete render --view values"
complete_bash journey --version lint --max | grep -x -- --max-warnings > /dev/null || fail "bash does not skip global options"

zsh_script=$work/root/usr/share/zsh/vendor-completions/_journey
if command -v zsh > /dev/null; then
  zsh -n "$zsh_script" || fail "the zsh completion does not parse"
  head -1 "$zsh_script" | grep -x '#compdef journey' > /dev/null || fail "the zsh completion lacks #compdef journey"
  # compinit, finding the file on $fpath as from vendor-completions, binds it to `journey`.
  bound=$(zsh -f -c 'fpath=("$1" $fpath); autoload -U compinit; compinit -u -d "$2"; print -r -- ${_comps[journey]}' \
    _ "$(dirname "$zsh_script")" "$work/zcompdump")
  [[ $bound == _journey ]] || fail "zsh's compinit binds \`$bound\` to journey, not _journey"
else
  note "zsh is not installed: the zsh completion is not checked"
fi

fish_script=$work/root/usr/share/fish/vendor_completions.d/journey.fish
if command -v fish > /dev/null; then
  fish --no-config -n "$fish_script" || fail "the fish completion does not parse"
  complete_fish() { fish --no-config -c "source \$argv[1]; complete -C \$argv[2]" "$fish_script" "$1" | cut -f1; }
  complete_fish 'journey li' | grep -x lint > /dev/null || fail "fish does not complete \`journey li\`"
  complete_fish 'journey lint --format ' | grep -x sarif > /dev/null || fail "fish does not complete lint --format values"
  complete_fish 'journey metrics --' | grep -x -- --output > /dev/null || fail "fish does not complete metrics' --output"
else
  note "fish is not installed: the fish completion is not checked"
fi

# `cmake --install` of the runtime component installs what the package holds -----------------
cmake --install "$build_dir" --prefix "$work/prefix" --component runtime > /dev/null
(cd "$work/prefix" && find . -type f | sed 's|^\.||' | sort) > "$work/installed.txt"
grep -v '^/usr/share/doc/journey/\(changelog\|copyright\)' "$work/contents.txt" |
  (cd "$work/root" && while read -r path; do [[ -f .$path ]] && echo "${path#/usr}"; done) |
  sort > "$work/packaged.txt"
diff -u "$work/packaged.txt" "$work/installed.txt" || fail "cmake --install and the package differ (above)"

if ((failures)); then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "package checks passed: $(basename "$deb")"
rm -rf "$work"
