"""The public site: page addresses, the pages and their templates, charts, search records and
the link check. Nothing here knows the engine that writes the files (see plansite.adapter)."""
