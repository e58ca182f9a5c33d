"""The participant cohort file (`dars-evidence cohort FILE`): read as a stream, never a value kept or shown."""
