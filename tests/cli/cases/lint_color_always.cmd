{bin} lint --color always broken.yaml
