{bin} init --catalog portfolio/org.yaml -
