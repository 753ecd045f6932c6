"""Reading files into articles: readers per format and the import run."""
