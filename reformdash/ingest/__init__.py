"""Spreadsheet import: read, find the table, map columns, match entities, validate, plan, commit."""
