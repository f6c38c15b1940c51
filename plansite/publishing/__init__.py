"""Open data: everything the site shows as JSON, CSV, one XLSX workbook and a Data Package."""
