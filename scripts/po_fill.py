#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Fills translations into po/LANG.po from a JSON object, for the developers who add messages.

    python3 scripts/po_fill.py fi translations.json

The JSON maps a message to its translation: "msgid": "käännös", "context\\u0004msgid": "...",
and a plural message "singular\\u0000plural": ["yksikkö", "monikko"]. An entry already
translated is replaced. Messages the catalogue lacks are named (run scripts/po.sh update first).
"""
import json
import re
import sys


def unquote(s):
    return json.loads('"' + s + '"') if '\\' in s or '"' in s else s


def quote(s):
    return json.dumps(s, ensure_ascii=False)[1:-1]


def main():
    lang, mapping = sys.argv[1], json.load(open(sys.argv[2], encoding="utf-8"))
    path = f"po/{lang}.po"
    blocks = open(path, encoding="utf-8").read().split("\n\n")
    seen = set()
    for b, block in enumerate(blocks):
        lines = block.split("\n")
        fields = {}
        for line in lines:
            m = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d\])?) "(.*)"$', line)
            if m:
                fields[m.group(1)] = unquote(m.group(2))
        if "msgid" not in fields or fields["msgid"] == "":
            continue
        key = fields["msgid"]
        if "msgid_plural" in fields:
            key += "\0" + fields["msgid_plural"]
        if "msgctxt" in fields:
            key = fields["msgctxt"] + "\x04" + key
        if key not in mapping:
            continue
        seen.add(key)
        value = mapping[key]
        out = [l for l in lines if not l.startswith("msgstr") and l != "#, fuzzy" and l != ""]
        if isinstance(value, list):
            out += [f'msgstr[{i}] "{quote(v)}"' for i, v in enumerate(value)]
        else:
            out.append(f'msgstr "{quote(value)}"')
        blocks[b] = "\n".join(out)
    open(path, "w", encoding="utf-8").write("\n\n".join(b.strip("\n") for b in blocks) + "\n")
    missing = [k for k in mapping if k not in seen]
    for k in missing:
        print(f"{path}: no message {k!r} (run bash scripts/po.sh update first)", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
