# Shell completion for bash and zsh (commands, options, form files, runtime
# ids from `list`), installed where bash-completion and zsh look for it.
bashcompletiondir = $(datadir)/bash-completion/completions
dist_bashcompletion_DATA = contrib/completion/agentcore-wizard
zshcompletiondir = $(datadir)/zsh/site-functions
dist_zshcompletion_DATA = contrib/completion/_agentcore-wizard
