{bin} lint configured
