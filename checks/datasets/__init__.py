"""DATA: datasets."""

from checks.datasets.data_001_dataset_not_in_evidence import DatasetNotInEvidence

CHECKS = (DatasetNotInEvidence,)
