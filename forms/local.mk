# The wizard's sections and fields, as data (docs/form-format.md).
formsdir = $(pkgdatadir)/forms
dist_forms_DATA = \
	forms/10-basics.json forms/20-artifact.json forms/30-permissions.json \
	forms/40-network.json forms/50-authorizer.json forms/60-headers.json \
	forms/70-protocol.json forms/80-lifecycle.json forms/85-environment.json \
	forms/90-filesystems.json forms/92-capacity.json forms/95-tags.json \
	forms/99-review.json forms/agentcore-zones.txt
# Which members each request takes, beyond the sections (src/form/getmap.c).
formsrequestsdir = $(pkgdatadir)/forms/requests
dist_formsrequests_DATA = forms/requests/runtime-requests.json
