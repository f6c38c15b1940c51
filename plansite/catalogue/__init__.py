"""Every word plansite itself says, in Chinese and English: interface labels, problem messages,
hints and the reasons given for computed statuses.

Code elsewhere names what it means by a key or a code with arguments; the words are chosen here,
at the edge, in the reader's or editor's language. Plan data (titles, names, phrases) is never
translated: it is shown as written.
"""
