{bin} lint -v --force-exclude mixed/docker-compose.yml mixed/.github/workflows/ci.yml mixed/journeys/drafts/wip.yaml mixed/journeys/renew.yaml mixed/.journeylint.yaml
