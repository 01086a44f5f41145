{bin} report no-such-file.yaml -o no-such-dir/report.html
