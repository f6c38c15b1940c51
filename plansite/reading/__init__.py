"""Reading a plan repository: YAML with the place of every value, the shape of each file, the
records built from it, and the references between them; every problem collected on the way."""
