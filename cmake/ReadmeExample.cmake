# cmake -DREADME=... -DWORK_DIR=... -DCC=... -DINCLUDE_DIRS=a;b -DLIBRARY=... -P ReadmeExample.cmake
#
# Compiles the first ```c block of README.md as a consumer would (C11, all
# warnings as errors) against the build tree's library, runs it and fails
# unless it exits with 0. Keeps the README's example honest.
file(READ ${README} text)
string(FIND "${text}" "```c\n" begin)
if(begin EQUAL -1)
    message(FATAL_ERROR "${README}: no ```c block")
endif()
math(EXPR begin "${begin} + 5")
string(SUBSTRING "${text}" ${begin} -1 text)
string(FIND "${text}" "\n```" end)
if(end EQUAL -1)
    message(FATAL_ERROR "${README}: the ```c block does not end")
endif()
string(SUBSTRING "${text}" 0 ${end} code)

file(MAKE_DIRECTORY ${WORK_DIR})
file(WRITE ${WORK_DIR}/readme.c "${code}\n")
set(include_flags)
foreach(dir IN LISTS INCLUDE_DIRS)
    list(APPEND include_flags -I${dir})
endforeach()
get_filename_component(libdir ${LIBRARY} DIRECTORY)

execute_process(
    COMMAND ${CC} -std=c11 -Wall -Wextra -Wpedantic -Werror ${include_flags}
            readme.c ${LIBRARY} -Wl,-rpath,${libdir} -o readme
    WORKING_DIRECTORY ${WORK_DIR}
    RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "README example does not compile (${WORK_DIR}/readme.c)")
endif()
execute_process(COMMAND ${WORK_DIR}/readme RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "README example exited with ${rc}")
endif()
