"""report-extract: Vietnamese work-summary reports in, Parquet indicator tables out."""

__version__ = "0.1.0"
