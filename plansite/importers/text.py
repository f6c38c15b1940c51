"""Plain-text plan documents (.txt, .md): decoded, framed, and split into the documents they hold.

Each non-empty line is a paragraph, unless the text is hard-wrapped or lost its paragraph breaks
(:mod:`plansite.importers.paragraphs`). A web page copied to text keeps the site's header and footer
(:mod:`plansite.importers.noise` drops them, reporting each line). A page may hold several
documents, each introduced by a line such as ``篇1``; they become separate parts.
"""

from __future__ import annotations

from plansite.importers.decode import decode
from plansite.importers.document import Block, Document
from plansite.importers.noise import find_frame
from plansite.importers.paragraphs import join_wrapped, split_run_together
from plansite.importers.headings import TITLE_MAX, is_part_mark, parse_numbering


def read_text(raw: bytes, file: str) -> list[Document]:
    """The documents held in the text file ``file`` whose bytes are ``raw``, one per part."""
    decoded = decode(raw, file)
    lines = [(number, piece) for number, paragraph in
             join_wrapped(list(enumerate(decoded.text.split("\n"), 1)))
             for piece in split_run_together(paragraph)]
    frame = find_frame([text for _, text in lines])
    kept = lines[frame.start:frame.end]
    documents: list[Document] = []
    lead: list[Block] = []
    for number, text in kept:
        if is_part_mark(text):
            documents.append(Document(file=file, part=text, encoding=decoded.encoding))
            continue
        block = Block(text=text, line=number)
        (documents[-1].blocks if documents else lead).append(block)
    if not documents:
        documents.append(Document(file=file, encoding=decoded.encoding))
    # Text before the first part marker that is not web-page frame belongs to the first part.
    documents[0].blocks[:0] = lead
    for document in documents:
        document.skipped = list(frame.skipped)
        document.warnings = list(decoded.warnings)
        _take_title(document)
    return documents


def _take_title(document: Document) -> None:
    """A short unnumbered first line that ends without punctuation is the document's title."""
    if len(document.blocks) < 2:
        return
    first = document.blocks[0].text
    if len(first) <= TITLE_MAX and parse_numbering(first) is None \
            and not first.endswith(tuple("。；;！？!?：:，,")):
        document.title = first
        del document.blocks[0]
