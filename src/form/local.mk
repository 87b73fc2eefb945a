# form: the forms' model, documents, validation and form files. It includes
# base only: nothing of aws, cli or ui (tests/check-layering.sh).
src_libacwcore_a_SOURCES += \
	src/form/formdef.c src/form/formdef.h \
	src/form/document.c src/form/document.h \
	src/form/validate.c src/form/validate.h \
	src/form/jsonscan.c src/form/jsonscan.h \
	src/form/formfile.c src/form/formfile.h \
	src/form/getmap.c src/form/getmap.h \
	src/form/diff.c src/form/diff.h
