"""Past one machine: batch on a Dask cluster (the optional `factcheck[dask]` extra)."""
