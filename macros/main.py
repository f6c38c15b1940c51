"""The site's macros: plansite's own (plansite.adapter.macros), and any the site adds here.

Pages opt in with ``render_macros: true`` in their front matter.
"""

from plansite.adapter.macros import define_env, on_pre_page_macros

__all__ = ["define_env", "on_pre_page_macros"]
