{bin} lint -v mixed
