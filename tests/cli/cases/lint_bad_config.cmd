{bin} lint badconfig
