# Writes the manual pages (gzipped, as Debian installs them) and the shell completion scripts
# of the `journey` binary JOURNEY into OUTPUT_DIR, from its own command-line definition.
# Usage: cmake -DJOURNEY=path/to/journey -DOUTPUT_DIR=dir -P JourneyGenerateDocs.cmake
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "`${ARGN}` failed (${status}): ${err}")
  endif()
endfunction()

# Start from an empty folder, so the page of a command that no longer exists is not installed.
file(REMOVE_RECURSE ${OUTPUT_DIR}/man1 ${OUTPUT_DIR}/completions)
file(MAKE_DIRECTORY ${OUTPUT_DIR}/man1 ${OUTPUT_DIR}/completions)
run(${JOURNEY} man --output-dir ${OUTPUT_DIR}/man1)
file(GLOB pages ${OUTPUT_DIR}/man1/*.1)
if(NOT pages)
  message(FATAL_ERROR "`journey man` wrote no page into ${OUTPUT_DIR}/man1")
endif()
# -n: no file name or time stamp inside, so the package is the same byte for byte every time.
run(gzip -9nf ${pages})
run(${JOURNEY} completion bash -o ${OUTPUT_DIR}/completions/journey)
run(${JOURNEY} completion zsh -o ${OUTPUT_DIR}/completions/_journey)
run(${JOURNEY} completion fish -o ${OUTPUT_DIR}/completions/journey.fish)
file(TOUCH ${OUTPUT_DIR}/stamp)
