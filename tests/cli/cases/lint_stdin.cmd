{bin} lint -
stdin: broken.yaml
