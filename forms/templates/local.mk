# The bundled starter templates (docs/template-format.md), installed beside
# the forms they are checked against: `templates` and `new` find them there.
templatesdir = $(pkgdatadir)/forms/templates
dist_templates_DATA = \
	forms/templates/container-public.json forms/templates/python-s3.json \
	forms/templates/mcp-cognito-vpc.json forms/templates/a2a-agent.json
