{bin} lint --list-rules
