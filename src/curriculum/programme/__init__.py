"""The programme around the pairs (pure): access rules, matching, goals, the dashboard."""
