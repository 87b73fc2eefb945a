# form: the forms' model, documents, validation and form files. It includes
# base only: nothing of aws, cli or ui (tests/check-layering.sh).
src_libacwcore_a_SOURCES += \
	src/form/formdef.c src/form/formdef.h \
	src/form/document.c src/form/document.h \
	src/form/keyindex.c src/form/keyindex.h \
	src/form/validate.h src/form/validate_local.h src/form/validate_message.c \
	src/form/validate_value.c src/form/validate_walk.c src/form/validate_rules.c \
	src/form/validate_memo.c \
	src/form/jsonscan.c src/form/jsonscan.h \
	src/form/jsonwrite.c src/form/jsonwrite.h \
	src/form/formfile.c src/form/formfile.h \
	src/form/formkind.c src/form/formkind.h \
	src/form/secret.c src/form/secret.h \
	src/form/template.c src/form/template.h \
	src/form/template_path.c src/form/template_path.h \
	src/form/template_write.c src/form/template_find.c \
	src/form/getmap.c src/form/getmap.h \
	src/form/diff.c src/form/diff.h
