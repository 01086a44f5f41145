{bin} lint surveys/
env: JOURNEY_TODAY=2026-01-15
