#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""check_completions.py FUNDSCREEN COMPLETIONS_DIR: the bash, zsh and fish completions offer
every command, every option of each command and every value its --help lists ({a,b,c}), so
that an option added to a command without its completion fails here. The man page of each
command (packaging/man/fundscreen-COMMAND.1.scd, beside the completions) documents each of
its options too. The bash script is
also run (and fish's, and zsh -n, where they are installed): completing `fundscreen lint
--format ` offers the formats."""
import re
import shutil
import subprocess
import sys
from pathlib import Path

binary, folder = sys.argv[1], Path(sys.argv[2])
scripts = {name: (folder / name).read_text() for name in ("fundscreen.bash", "_fundscreen", "fundscreen.fish")}
man_folder = folder.parent / "man"


def help_of(*args):
    return subprocess.run([binary, *args, "--help"], capture_output=True, text=True, check=True).stdout


top = help_of()
commands = re.findall(r"^  (\w+)\s", top.split("Subcommands:")[1], re.M)
missing = []
for command in commands:
    text = help_of(command).split("Options:")[1].split("\n\n")[0]
    for line in text.splitlines():
        m = re.match(r"\s+((?:-\w,)?--[\w-]+)(?:\s+\w+(?::\{([^}]*)\})?)?", line)
        if not m:
            continue
        names = [n for n in m.group(1).split(",") if n != "-h" and n != "--help"]
        values = m.group(2).split(",") if m.group(2) else []
        man = man_folder / f"fundscreen-{command}.1.scd"
        page = man.read_text() if man.exists() else ""
        for name in names:
            if not re.search(r"\*" + re.escape(name) + r"\*", page):
                missing.append(f"{man.name}: {command}: {name}")
        for script_name, script in scripts.items():
            for word in [command, *names, *values]:
                # fish declares options as `-l name` and `-s c`
                fish = script_name.endswith(".fish") and word.startswith("-")
                wanted = ("-l " + word[2:] if word.startswith("--") else "-s " + word[1:]) if fish else word
                if not re.search(r"(?<![\w-])" + re.escape(wanted) + r"(?![\w-])", script):
                    missing.append(f"{script_name}: {command}: {word}")
for m in missing:
    print("not offered:", m)

bash = subprocess.run(
    ["bash", "-c", f'source "{folder}/fundscreen.bash"; COMP_WORDS=(fundscreen lint --format ""); COMP_CWORD=3; '
     '_fundscreen; echo "${COMPREPLY[*]}"'],
    capture_output=True, text=True)
if bash.stdout.strip() != "text github sarif":
    print(f"bash completion of 'fundscreen lint --format ': {bash.stdout.strip()!r} {bash.stderr}")
    missing.append("bash")
# zsh and fish are not among the packages a build needs: where they are installed, their
# scripts must parse, and fish must complete the formats too.
if shutil.which("zsh") and subprocess.run(["zsh", "-n", str(folder / "_fundscreen")]).returncode != 0:
    missing.append("zsh -n")
if shutil.which("fish"):
    fish = subprocess.run(
        ["fish", "-c", f'source "{folder}/fundscreen.fish"; complete -C "fundscreen lint --format "'],
        capture_output=True, text=True)
    offered = sorted(line.split("\t")[0] for line in fish.stdout.splitlines())
    if fish.returncode != 0 or fish.stderr or offered != ["github", "sarif", "text"]:
        print(f"fish completion of 'fundscreen lint --format ': {offered} {fish.stderr}")
        missing.append("fish")
print(f"{len(commands)} commands checked in {', '.join(scripts)}")
sys.exit(1 if missing else 0)
