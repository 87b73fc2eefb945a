formsdir = $(pkgdatadir)/forms
dist_forms_DATA =
