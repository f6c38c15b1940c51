"""The plan's records (departments, plans, chapters, tasks, indicators), the description of
their fields, and the repository that holds them with their cross-references."""
