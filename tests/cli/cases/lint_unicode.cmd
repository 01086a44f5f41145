{bin} lint unicode.yaml
