{bin} lint --stdin-filename configured/loop.yaml -
stdin: configured/loop.yaml
