"""Statistics on KPI tables: overview, relations, lead/lag, impact and staffing."""
