"""A site repository of its own for a government's plans (``plansite new``): its files in
``files/``, written by :mod:`plansite.starter.new`, and its pinned requirements
(:mod:`plansite.starter.pins`)."""
