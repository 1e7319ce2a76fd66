"""Background work, claimed from the database so any number of processes can share it."""
