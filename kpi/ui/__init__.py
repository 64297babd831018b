"""Streamlit-aware helpers: session state and shared widgets (the only UI code in kpi/)."""
