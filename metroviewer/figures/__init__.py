"""What an article says in numbers and themes: figures (extract.py), their display (format.py)
and the theme mix (themes.py)."""
