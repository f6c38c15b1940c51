"""The MkDocs side of plansite, kept thin: the plugin, the macros, the navigation words and the
build that swaps a finished site into place. Everything that knows MkDocs or Material is here."""
