"""The owner's and accountant's reports: the day report, the export, the check with KRA."""
