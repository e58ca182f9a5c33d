"""dars-evidence: bundle loading, the document model, the run, the report and the command line."""

__version__ = "0.1.0"
