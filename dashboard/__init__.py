"""The Streamlit dashboard: export records → filtered timeline, table and downloads."""
