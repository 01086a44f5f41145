{bin} metrics -f json portfolio/broken.yaml
