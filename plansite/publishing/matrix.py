"""Each plan's responsibility matrix as a CSV download: a row per department, a lead and a
co-operating count per chapter, the column totals last.

The matrix is computed by :mod:`plansite.analysis.matrix`; here it is written, by the one CSV
writer of the downloads (:mod:`plansite.publishing.csvfile`), with the header in the site's
language and each chapter named by its number and title as written.
"""

from __future__ import annotations

from pathlib import Path

from plansite.analysis.matrix import Matrix, compute_matrix
from plansite.model.urls import matrix_csv_name
from plansite.catalogue.labels import translate
from plansite.model.repository import Repository
from plansite.publishing.csvfile import csv_bytes

NEWLINE = "\n"
"""The matrix files have always ended their lines with a line feed alone."""


def matrix_csv(repo: Repository, matrix: Matrix, lang: str = "zh") -> bytes:
    """The matrix as a CSV file: a row per department with its lead and co-operating counts per
    chapter and in all, then a row of column totals."""
    t = lambda key, **a: translate(key, lang, **a)  # noqa: E731 - a local short name
    head = [t("department"), t("matrix_department_id")]
    for chapter in matrix.columns:
        label = chapter.number + (chapter.title_en if lang == "en" and chapter.title_en
                                  else chapter.title)
        head += [f"{label} {t('count_led')}", f"{label} {t('count_cooperated')}"]
    head += [t("matrix_total_led"), t("matrix_total_cooperated"), t("matrix_total")]
    rows = []
    for row in matrix.rows:
        dept = repo.departments[row.department]
        name = dept.name_en if lang == "en" and dept.name_en else dept.name
        counts = [n for c in row.cells for n in (len(c.led), len(c.cooperated))]
        rows.append([name, dept.id, *counts, row.led, row.cooperated, row.total])
    totals = [matrix.column_total(i) for i in range(len(matrix.columns))]
    rows.append([t("matrix_total"), "",
                 *[n for c in totals for n in (len(c.led), len(c.cooperated))],
                 sum(len(c.led) for c in totals), sum(len(c.cooperated) for c in totals),
                 sum(c.total for c in totals)])
    return csv_bytes(head, rows, newline=NEWLINE)


def write_matrix_csvs(repo: Repository, folder: Path, lang: str = "zh") -> list[Path]:
    """Write ``matrix-<plan>.csv`` for every plan into ``folder``; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for plan_id in repo.plans:
        path = folder / matrix_csv_name(plan_id)
        path.write_bytes(matrix_csv(repo, compute_matrix(repo, plan_id), lang))
        written.append(path)
    return written
