# What users of the `journey` tool get besides the binary (component `runtime`): manual pages and
# shell completions written by the binary from its own command-line definition, the JSON
# schemas, the rule pages, the guides and the example journeys; and the Debian package of it
# all, built by CPack (scripts/package runs `cpack -G DEB`).

set(JOURNEY_GENERATED_DIR ${PROJECT_BINARY_DIR}/generated)
add_custom_command(
  OUTPUT ${JOURNEY_GENERATED_DIR}/stamp
  COMMAND ${CMAKE_COMMAND} -E env ASAN_OPTIONS=detect_leaks=0
          ${CMAKE_COMMAND} -DJOURNEY=$<TARGET_FILE:journey> -DOUTPUT_DIR=${JOURNEY_GENERATED_DIR}
          -P ${CMAKE_CURRENT_LIST_DIR}/JourneyGenerateDocs.cmake
  DEPENDS journey ${CMAKE_CURRENT_LIST_DIR}/JourneyGenerateDocs.cmake
  COMMENT "Writing journey's manual pages and shell completions"
  VERBATIM)
add_custom_target(journey_docs ALL DEPENDS ${JOURNEY_GENERATED_DIR}/stamp)

set(JOURNEY_SHARE ${CMAKE_INSTALL_DATADIR})
install(DIRECTORY ${JOURNEY_GENERATED_DIR}/man1/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man1
        COMPONENT runtime)
install(FILES ${JOURNEY_GENERATED_DIR}/completions/journey
        DESTINATION ${JOURNEY_SHARE}/bash-completion/completions COMPONENT runtime)
install(FILES ${JOURNEY_GENERATED_DIR}/completions/_journey
        DESTINATION ${JOURNEY_SHARE}/zsh/vendor-completions COMPONENT runtime)
install(FILES ${JOURNEY_GENERATED_DIR}/completions/journey.fish
        DESTINATION ${JOURNEY_SHARE}/fish/vendor_completions.d COMPONENT runtime)
install(FILES ${PROJECT_SOURCE_DIR}/docs/journey.schema.json
              ${PROJECT_SOURCE_DIR}/docs/catalog.schema.json
        DESTINATION ${JOURNEY_SHARE}/journey/schema COMPONENT runtime)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/rules/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/rules
        COMPONENT runtime FILES_MATCHING PATTERN "*.md")
# The user's guides (not ARCHITECTURE.md, which is for people working on journey itself).
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/docs/format.md
              ${PROJECT_SOURCE_DIR}/docs/cli.md ${PROJECT_SOURCE_DIR}/docs/metrics.md
              ${PROJECT_SOURCE_DIR}/docs/diagrams.md ${PROJECT_SOURCE_DIR}/docs/guide-ci.md
              ${PROJECT_SOURCE_DIR}/docs/guide-report.md
              ${PROJECT_SOURCE_DIR}/docs/guide-workshop.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT runtime)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/journeys/
        DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples/journeys COMPONENT runtime)

# The Debian package holds the `runtime` component only: not the static libraries and headers
# installed for find_package(journey).
set(CPACK_GENERATOR DEB)
set(CPACK_INSTALL_CMAKE_PROJECTS "${PROJECT_BINARY_DIR};${PROJECT_NAME};runtime;/")
set(CPACK_PACKAGE_NAME journey)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "journey maintainers")
set(JOURNEY_PACKAGE_MAINTAINER "journey maintainers <maintainers@journey.invalid>"
    CACHE STRING "The Maintainer of the Debian package: Name <address>")
set(CPACK_PACKAGE_CONTACT "${JOURNEY_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "customer-journey maps as versioned text and hard numbers")
# Debian wants the long description wrapped under 80 columns.
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "journey turns customer journeys, from the customer's intent to after-sales,\n"
    "into YAML files that can be linted, measured and drawn. One command, journey,\n"
    "lints them (stable rule ids; text, JSON, SARIF, JUnit or GitHub output),\n"
    "measures them (handoffs, waits, lead time, cost to serve, right first time),\n"
    "draws what the customer experiences next to what the organisation sees (SVG,\n"
    "PNG, PDF, DOT; Graphviz is linked in), and builds portfolio tables, maps,\n"
    "HTML reports and diffs between versions.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # journey_0.1.0-1_amd64.deb
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON) # Depends from the libraries the binary links
# Diagrams ask fontconfig for a sans-serif font; without one, PNG and PDF text is unreadable.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion")
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
set(CPACK_PACKAGE_CHECKSUM SHA256)
include(CPack)
