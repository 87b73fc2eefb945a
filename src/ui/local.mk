# The curses front end and the --plain prompts (the only users of curses).
src_agentcore_wizard_SOURCES += src/ui/curses.h src/ui/ui.h src/ui/wiz.h src/ui/ui_main.c \
	src/ui/wizard.c src/ui/tmpl.c src/ui/tmpl-save.c src/ui/term.c src/ui/marks.c src/ui/draft.c src/ui/progress.c \
	src/ui/screen-form.c src/ui/screen-review.c src/ui/checks-ui.c src/ui/screen-settings.c \
	src/ui/account-ui.c src/ui/pick-ui.c src/ui/role-ui.c \
	src/ui/dialog.c src/ui/dialog-ask.c src/ui/dialog-prompt.c src/ui/dialog-menu.c \
	src/ui/dialog-pager.c src/ui/plain.c src/ui/rows.c src/ui/rows-build.c src/ui/rows.h \
	src/ui/lineedit.c src/ui/lineedit.h src/ui/keys.c src/ui/keys.h \
	src/ui/submit.c src/ui/submit.h src/ui/text.c src/ui/text.h \
	src/ui/update.c src/ui/screen-start.c src/ui/pathcomp.c
src_agentcore_wizard_CPPFLAGS += $(NCURSES_CFLAGS)
src_agentcore_wizard_LDADD += $(NCURSES_LIBS)
