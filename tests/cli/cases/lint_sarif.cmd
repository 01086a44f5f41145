{bin} lint --format sarif broken.yaml
