{bin} lint surveys/loan.surveys.yaml
