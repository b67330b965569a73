"""`python -m geomap`: the same as the `geomap` command."""
from .cli import main

main()
