"""Every word plansite itself says, in Chinese and English: interface labels, problem messages,
hints and the reasons given for computed statuses.

Code elsewhere names what it means by a key (:mod:`.labels`) or a :class:`~.phrases.Phrase`, a
code with arguments, of one of the tables: problem messages, hints and quoted values
(:mod:`.messages`), descriptions of data fields (:mod:`.fields`) and status reasons
(:mod:`.reasons`). The words are chosen at the edge, in the reader's or editor's language. Plan
data (titles, names, phrases) is never translated: it is shown as written.
"""
