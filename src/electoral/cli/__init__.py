"""Command-line interface (Typer + Rich). Interfaces never compute: they call the library."""
