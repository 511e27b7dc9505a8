# nw_read_version(<header> <out_var>)
#
# Sets <out_var> to "MAJOR.MINOR.PATCH" read from the NW_VERSION_* macros of
# <header>, the one place the version is written. Fails if a part is missing
# or NW_VERSION_STRING in the same header disagrees.
function(nw_read_version header out_var)
    file(STRINGS ${header} lines REGEX "^#define NW_VERSION_(MAJOR|MINOR|PATCH|STRING) ")
    foreach(part IN ITEMS MAJOR MINOR PATCH)
        if(NOT lines MATCHES "#define NW_VERSION_${part} ([0-9]+)")
            message(FATAL_ERROR "${header}: no '#define NW_VERSION_${part} <number>'")
        endif()
        set(${part} ${CMAKE_MATCH_1})
    endforeach()
    set(version ${MAJOR}.${MINOR}.${PATCH})
    if(lines MATCHES "#define NW_VERSION_STRING \"([^\"]*)\"" AND NOT CMAKE_MATCH_1 STREQUAL version)
        message(FATAL_ERROR "${header}: NW_VERSION_STRING \"${CMAKE_MATCH_1}\" "
                            "does not match NW_VERSION_MAJOR/MINOR/PATCH (${version})")
    endif()
    set(${out_var} ${version} PARENT_SCOPE)
endfunction()
