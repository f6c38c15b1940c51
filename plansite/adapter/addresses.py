"""Addresses the adapter works out from the MkDocs configuration: where a file is edited,
the path the site is served under, and which of the site's files point out of the repository."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from plansite.catalogue.phrases import phrase
from plansite.problems import problem
from plansite.reading.yamlfile import outside_link


def edit_url(config, file: str, line: int = 0) -> str:
    """The editing address of a repository file: ``<repo_url>/edit/<branch>/<file>#L<line>``."""
    edit_uri = (config.edit_uri or "edit/main/docs/").strip("/")
    docs = Path(config.docs_dir).name
    if edit_uri.endswith("/" + docs):
        edit_uri = edit_uri[: -len(docs) - 1]
    url = f"{config.repo_url.rstrip('/')}/{edit_uri}/{file}"
    return f"{url}#L{line}" if line else url


def base_url(config) -> str:
    """The path the site is served under (``/`` or ``/sub/``), from ``site_url``."""
    base_url = "/" if not config.site_url else "/" + config.site_url.split("//", 1)[-1] \
        .split("/", 1)[-1].strip("/") + "/"
    return base_url.replace("//", "/")


def refuse_outside_links(files: Files, docs: Path, root: Path, lang: str) -> None:
    """Fail the build when a page or asset is a link out of the repository: MkDocs would
    copy what it points at (``docs/assets/x.txt -> /etc/passwd``) into the site."""
    found = []
    for file in files:
        if file.abs_src_path is None:
            continue
        path = Path(file.abs_src_path)
        if not path.is_relative_to(docs):  # the theme's own files
            continue
        target = outside_link(path, root)
        if target is not None:
            found.append(problem("file-outside", repository_name(path, root), found=target,
                                 hint=phrase("copy-into-repository")))
    if found:
        report = "\n".join(p.format(lang) for p in found)
        raise PluginError(f"plansite: {len(found)} problem(s):\n{report}")


def repository_name(path: Path, root: Path) -> str:
    """``path`` as the repository names it (its own name, links not followed)."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
