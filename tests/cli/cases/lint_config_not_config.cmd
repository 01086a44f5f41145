{bin} lint configured/loop.yaml --config clean.yaml
