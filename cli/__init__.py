"""The ``tipoff`` command (Typer). Each command is a thin shell over ``core``."""
