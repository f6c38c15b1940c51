"""The language plans are written in: Chinese numerals and full-width forms, quantities and
units, targets and deadlines as phrases, department names; read from text and put back into
words."""
