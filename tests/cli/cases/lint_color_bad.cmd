{bin} lint --color sometimes broken.yaml
