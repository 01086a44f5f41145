{bin} compare portfolio/broken.yaml volume/pay.yaml
