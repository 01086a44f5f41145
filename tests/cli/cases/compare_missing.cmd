{bin} compare volume/pay.yaml compare/missing.yaml
