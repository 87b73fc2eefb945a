# The curses front end and the --plain prompts (the only users of curses).
src_agentcore_wizard_SOURCES += src/ui/curses.h src/ui/ui.h src/ui/ui_main.c \
	src/ui/wizard.c src/ui/plain.c src/ui/rows.c src/ui/rows.h \
	src/ui/edit.c src/ui/edit.h src/ui/keys.c src/ui/keys.h \
	src/ui/submit.c src/ui/submit.h src/ui/text.c src/ui/text.h
src_agentcore_wizard_CPPFLAGS += $(NCURSES_CFLAGS)
src_agentcore_wizard_LDADD += $(NCURSES_LIBS)
