{bin} lint mixed/docker-compose.yml
