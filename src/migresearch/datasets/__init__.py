"""Dataset families: each module declares its tables' schemas, nothing else."""
