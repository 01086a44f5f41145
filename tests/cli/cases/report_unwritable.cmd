{bin} report portfolio/card.yaml -o no-such-dir/report.html
