"""Bad-input fuzzing of the importer: mutations of real workbooks, generated CSVs, big sheets (python -m tests.fuzz)."""
