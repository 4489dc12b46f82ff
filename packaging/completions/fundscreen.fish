# SPDX-License-Identifier: Apache-2.0
# fish completion for fundscreen: commands, options, their values and file arguments.

set -l commands screen explain report letters diff impact reviews validate lint init verify
complete -c fundscreen -f
complete -c fundscreen -n "not __fish_seen_subcommand_from $commands" -a screen -d 'Screen applications: decisions, ranking, funding line'
complete -c fundscreen -n "not __fish_seen_subcommand_from $commands" -a explain -d "Explain one application's decision"
complete -c fundscreen -n "not __fish_seen_subcommand_from $commands" -a letters -d 'Write a decision letter to each applicant'
complete -c fundscreen -n "not __fish_seen_subcommand_from $commands" -a diff -d 'Compare two versions of a criteria set'
complete -c fundscreen -n "not __fish_seen_subcommand_from $commands" -a impact -d 'Did each criterion deliver its impact?'
complete -c fundscreen -n "not __fish_seen_subcommand_from $commands" -a reviews -d 'Before the panel meets: owed assessments, agreement'
complete -c fundscreen -n "not __fish_seen_subcommand_from $commands" -a validate -d 'Check the inputs against a criteria set'
complete -c fundscreen -n "not __fish_seen_subcommand_from $commands" -a lint -d 'Check criteria sets'
complete -c fundscreen -n "not __fish_seen_subcommand_from $commands" -a init -d 'Start a new call'
complete -c fundscreen -n "not __fish_seen_subcommand_from $commands" -a verify -d 'Check a sealed trail: chain, signature, decisions'
complete -c fundscreen -n "not __fish_seen_subcommand_from $commands" -a report -d 'A self-contained HTML report for a board'
complete -c fundscreen -n "not __fish_seen_subcommand_from $commands" -l version -d 'Show the version'
complete -c fundscreen -s h -l help -d 'Show help'

# Application files and other inputs are files.
complete -c fundscreen -n "__fish_seen_subcommand_from screen explain diff impact reviews validate" -F
complete -c fundscreen -n "__fish_seen_subcommand_from report" -F

set -l screening screen explain diff impact reviews report
set -l inputs screen explain diff impact reviews validate report
complete -c fundscreen -n "__fish_seen_subcommand_from screen explain impact reviews validate report" -s c -l criteria -r -F -d 'The criteria set (YAML)'
complete -c fundscreen -n "__fish_seen_subcommand_from $inputs" -s a -l assessments -r -F -d "Reviewers' assessments"
complete -c fundscreen -n "__fish_seen_subcommand_from $inputs" -l conflicts -r -F -d 'Declared conflicts of interest'
complete -c fundscreen -n "__fish_seen_subcommand_from $inputs" -l reviewers -r -F -d "The call's roster"
complete -c fundscreen -n "__fish_seen_subcommand_from $inputs" -l resolutions -r -F -d 'Decisions taken after the screening'
complete -c fundscreen -n "__fish_seen_subcommand_from $screening" -l lang -x -a 'fi sv en' -d 'Language of criteria titles'
complete -c fundscreen -n "__fish_seen_subcommand_from screen explain diff reviews report" -l timestamp -x -d 'The run time shown in the outputs'
complete -c fundscreen -n "__fish_seen_subcommand_from $inputs" -l encoding -x -a 'utf-8 windows-1252' -d 'Encoding of CSV inputs'
complete -c fundscreen -n "__fish_seen_subcommand_from $inputs" -l sheet -x -d 'The sheet of each Excel workbook'
complete -c fundscreen -n "__fish_seen_subcommand_from $inputs" -l delimiter -x -a "',' ';' '|' tab" -d 'CSV field delimiter'
complete -c fundscreen -n "__fish_seen_subcommand_from $inputs lint" -l strict -d 'Warnings are errors'

complete -c fundscreen -n "__fish_seen_subcommand_from screen" -s f -l format -x -a 'table csv json jsonl markdown junit github xlsx' -d 'Output format'
complete -c fundscreen -n "__fish_seen_subcommand_from diff impact reviews" -s f -l format -x -a 'table csv json markdown xlsx' -d 'Output format'
complete -c fundscreen -n "__fish_seen_subcommand_from screen diff impact reviews" -l csv-dialect -x -a 'standard excel-fi excel-sv' -d 'csv for a spreadsheet'
complete -c fundscreen -n "__fish_seen_subcommand_from validate lint" -s f -l format -x -a 'text github sarif' -d 'How problems are reported'
complete -c fundscreen -n "__fish_seen_subcommand_from screen diff impact reviews" -s o -l output -r -F -d 'Write to FILE'
complete -c fundscreen -n "__fish_seen_subcommand_from screen impact" -l color -x -a 'auto always never' -d 'Colour in the table'
complete -c fundscreen -n "__fish_seen_subcommand_from screen" -l fail-on -x -a 'reject clarify pending reserve fund' -d 'Exit 1 on this decision'
complete -c fundscreen -n "__fish_seen_subcommand_from impact" -l fail-on -x -a 'yellow red' -d 'Exit 1 on this light or worse'
complete -c fundscreen -n "__fish_seen_subcommand_from diff" -l fail-on-change -d "Exit 1 if any decision changes"
complete -c fundscreen -n "__fish_seen_subcommand_from impact" -l outcomes -r -F -d 'Outcome reports'
complete -c fundscreen -n "__fish_seen_subcommand_from validate" -s o -l outcomes -r -F -d 'Outcome reports'
complete -c fundscreen -n "__fish_seen_subcommand_from lint" -a '(__fish_complete_suffix .yaml)' -d 'Criteria set'
complete -c fundscreen -n "__fish_seen_subcommand_from verify" -F
for opt in criteria assessments conflicts reviewers resolutions encoding sheet delimiter strict
    complete -c fundscreen -n "__fish_seen_subcommand_from verify" -l $opt -r -F
end
complete -c fundscreen -n "__fish_seen_subcommand_from verify" -s c -r -F -d 'The criteria set (YAML)'
complete -c fundscreen -n "__fish_seen_subcommand_from verify" -s a -r -F -d "Reviewers' assessments"
complete -c fundscreen -n "__fish_seen_subcommand_from verify" -l public-key -r -F -d 'The public key the trail must be signed by'
complete -c fundscreen -n "__fish_seen_subcommand_from verify" -s f -l format -x -a 'table json' -d 'Output format'
complete -c fundscreen -n "__fish_seen_subcommand_from screen" -l seal -r -F -d "Sign the trail's seal with this Ed25519 key"
complete -c fundscreen -n "__fish_seen_subcommand_from init" -l from -r -a '(__fish_complete_suffix .yaml)' -d 'Start from this criteria set'
complete -c fundscreen -n "__fish_seen_subcommand_from init" -a '(__fish_complete_directories)' -d 'The new call'
# letters: the screening's inputs, then the folder.
complete -c fundscreen -n "__fish_seen_subcommand_from letters" -F
for opt in assessments conflicts reviewers resolutions encoding sheet delimiter strict timestamp
    complete -c fundscreen -n "__fish_seen_subcommand_from letters" -l $opt -r -F
end
complete -c fundscreen -n "__fish_seen_subcommand_from letters" -s c -l criteria -r -F -d 'The criteria set (YAML)'
complete -c fundscreen -n "__fish_seen_subcommand_from letters" -s a -r -F -d "Reviewers' assessments"
complete -c fundscreen -n "__fish_seen_subcommand_from letters" -l lang -x -a 'fi sv en' -d 'The language of the letters'
complete -c fundscreen -n "__fish_seen_subcommand_from letters" -s o -l output-dir -x -a '(__fish_complete_directories)' -d 'The folder for the letters'
complete -c fundscreen -n "__fish_seen_subcommand_from letters" -l force -d 'Write the letters among other files'
complete -c fundscreen -n "__fish_seen_subcommand_from report" -s o -l output -r -F -d 'Write to FILE'
complete -c fundscreen -n "__fish_seen_subcommand_from report" -l by -x -d 'Chart the decisions by this field'
complete -c fundscreen -n "__fish_seen_subcommand_from report" -l title -x -d "The report's heading"
