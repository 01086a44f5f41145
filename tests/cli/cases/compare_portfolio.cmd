{bin} compare volume compare/future
