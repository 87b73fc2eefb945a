formsdir = $(pkgdatadir)/forms
dist_forms_DATA = $(wildcard $(srcdir)/forms/*.json)
