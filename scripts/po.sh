#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The message catalogues (po/): what xgettext finds in the sources against po/fi.po and po/sv.po.
#
#   bash scripts/po.sh update   write po/fundscreen.pot from the sources and merge it into
#                               po/fi.po and po/sv.po (new messages come in untranslated)
#   bash scripts/po.sh check    fail, naming each message, if a catalogue misses a message of
#                               the sources, has one untranslated or fuzzy, or keeps one the
#                               sources no longer have (the i18n.catalogues test)
set -euo pipefail
cd "$(dirname "$0")/.."
langs=(fi sv)

extract() { # the template, from every source that shows people words
  find lib cmd -name '*.cpp' -o -name '*.hpp' | LC_ALL=C sort |
    xgettext --files-from=- --output="$1" --language=C++ --from-code=UTF-8 --no-wrap --sort-output --no-location \
      --keyword= --keyword=tr:2 --keyword=trc:2c,3 --keyword=trn:2,3 --keyword=trf:2 --keyword=trnf:2,3 \
      --keyword=N_ --add-comments=TRANSLATORS: --package-name=fundscreen --msgid-bugs-address= \
      --copyright-holder= --omit-header
}

case "${1:-}" in
update)
  extract po/fundscreen.pot
  for l in "${langs[@]}"; do
    msgmerge --quiet --update --backup=none --no-fuzzy-matching --no-wrap "po/$l.po" po/fundscreen.pot
    msgattrib --no-obsolete --no-wrap --output-file="po/$l.po" "po/$l.po"
  done
  for l in "${langs[@]}"; do
    n=$(msgattrib --untranslated --no-wrap "po/$l.po" | grep -c '^msgid ' || true)
    echo "po/$l.po: $((n > 0 ? n - 1 : 0)) untranslated"
  done
  ;;
check)
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  extract "$tmp/fundscreen.pot"
  [ -s "$tmp/fundscreen.pot" ] || { echo "xgettext found no message in lib/ and cmd/" >&2; exit 1; }
  status=0
  for l in "${langs[@]}"; do
    grep -q '^"Plural-Forms: nplurals=2; plural=(n != 1);\\n"' "po/$l.po" ||
      { echo "po/$l.po: its Plural-Forms header is not 'nplurals=2; plural=(n != 1);', which lib/i18n assumes" >&2; status=1; }
    # msgcmp names each message of the sources the catalogue lacks, leaves untranslated or fuzzy.
    msgcmp "po/$l.po" "$tmp/fundscreen.pot" || { echo "po/$l.po: translate the messages above (bash scripts/po.sh update adds them)" >&2; status=1; }
    msgmerge --quiet --no-fuzzy-matching --no-wrap --output-file="$tmp/$l.po" "po/$l.po" "$tmp/fundscreen.pot"
    stale=$(msgattrib --only-obsolete --no-wrap "$tmp/$l.po" | grep '^#~ msgid' || true)
    if [ -n "$stale" ]; then
      echo "po/$l.po: messages the sources no longer have (bash scripts/po.sh update removes them):" >&2
      echo "$stale" >&2
      status=1
    fi
  done
  exit $status
  ;;
*) echo "usage: bash scripts/po.sh update|check" >&2; exit 2 ;;
esac
