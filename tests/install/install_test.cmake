# Installs the build at BUILD_DIR into WORK_DIR/prefix, configures and builds EXAMPLE_DIR against
# it with CMAKE_PREFIX_PATH, and runs the example on JOURNEY_FILE, checking what it prints.
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${what} failed (${status}):\n${out}\n${err}")
  endif()
  set(output "${out}" PARENT_SCOPE)
endfunction()

run("cmake --install" ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${WORK_DIR}/prefix)
foreach(file lib/cmake/journey/journeyConfig.cmake include/journey/parse/parse.h
             include/journey/analysis/metrics.h include/journey/analysis/journey_graph.h
             include/journey/lint/rule.h include/journey/render/outside_in.h)
  if(NOT EXISTS ${WORK_DIR}/prefix/${file})
    message(FATAL_ERROR "the install has no ${file}")
  endif()
endforeach()
# Internals are not installed: rule checks, the parser's YAML tree, the Markov solver.
foreach(file include/journey/lint/rules include/journey/parse/yaml_tree.h
             include/journey/parse/reader.h include/journey/analysis/markov.h)
  if(EXISTS ${WORK_DIR}/prefix/${file})
    message(FATAL_ERROR "the install has the internal ${file}")
  endif()
endforeach()
# Every installed header compiles on its own, included as <journey/LAYER/NAME.h>.
file(GLOB_RECURSE installed RELATIVE ${WORK_DIR}/prefix/include ${WORK_DIR}/prefix/include/journey/*.h)
foreach(header ${installed})
  file(WRITE ${WORK_DIR}/check.cpp "#include <${header}>\nint main() {}\n")
  run("compiling <${header}> alone" ${CXX_COMPILER} -std=c++23 -fsyntax-only
      -I${WORK_DIR}/prefix/include -I/usr/include/eigen3 ${WORK_DIR}/check.cpp)
endforeach()

set(build_type ${BUILD_TYPE})
if(NOT build_type)
  set(build_type Release)
endif()
run("configuring the example" ${CMAKE_COMMAND} -S ${EXAMPLE_DIR} -B ${WORK_DIR}/build
    -G ${GENERATOR} -DCMAKE_BUILD_TYPE=${build_type} -DCMAKE_CXX_COMPILER=${CXX_COMPILER}
    -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
run("building the example" ${CMAKE_COMMAND} --build ${WORK_DIR}/build)
run("running the example" ${WORK_DIR}/build/journey_example ${JOURNEY_FILE})

foreach(expected "overdraft-email-enquiry: I want to know whether I can raise my overdraft\n"
                 "\n  email-queue (backstage): " ", waits 2d" "\nexpected lead time: 2d")
  string(FIND "${output}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the example's output lacks `${expected}`:\n${output}")
  endif()
endforeach()
message(STATUS "the installed library works through find_package(journey):\n${output}")
file(REMOVE_RECURSE ${WORK_DIR})
