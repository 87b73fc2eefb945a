#!/bin/zsh -f
# zsh-complete.zsh LINE: complete LINE (the cursor at its end) in an
# interactive zsh, as Tab does, with the completion function of
# $COMPDIR/_agentcore-wizard, and print the matches offered, one a line,
# sorted. tests/cmd/daytwo.sh calls it. Exit 77 without zsh's zpty module.
zmodload zsh/zpty 2>/dev/null || exit 77
zpty acw zsh -f -i
zpty -w acw "PROMPT=''; fpath=(${(q)COMPDIR} \$fpath); autoload -U compinit; compinit -u -D"
# every match added is printed between << >>; the end is said once the
# completion is done (the words are split so that their echo is not it)
zpty -w acw 'compadd () { builtin compadd -O __m "$@"; print -rl -- "<<"${^__m[@]}">>"; builtin compadd "$@"; }'
zpty -w acw 'comppostfuncs=(__end); __end() { print -r -- "<<EN""D>>"; }'
zpty -w acw "bindkey '^I' complete-word"
zpty -w acw "$1"$'\t'
local -a out
local line
while zpty -r acw line; do
	[[ $line == *'<<END>>'* ]] && break
	[[ $line == *__m* || $line == *__end* ]] && continue # the echo of the lines above
	[[ $line == *'<<'*'>>'* ]] && out+=("${${line#*<<}%%>>*}")
done
zpty -d acw
(( $#out )) && print -rl -- ${(ou)out}
exit 0
