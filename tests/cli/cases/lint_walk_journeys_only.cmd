{bin} lint mixed
