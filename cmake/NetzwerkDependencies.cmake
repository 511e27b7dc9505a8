# The library's private dependencies, in one place.
#
# The build links them into libnetzwerk.so privately. Programs that link the
# static library need them as well, so this file is also installed beside
# netzwerkConfig.cmake, which includes it, and netzwerk.pc lists the same
# libraries (NW_PC_* below). A new dependency goes here only.

find_package(Threads REQUIRED)  # pthread_once

# nw_import_library(<name> <header> <library>): the imported target
# nw_dep::<name> for a system library found by its header and file name.
function(nw_import_library name header library)
    if(TARGET nw_dep::${name})
        return()
    endif()
    find_path(NW_${name}_INCLUDE_DIR ${header} REQUIRED)
    find_library(NW_${name}_LIBRARY ${library} REQUIRED)
    add_library(nw_dep::${name} UNKNOWN IMPORTED)
    set_target_properties(nw_dep::${name} PROPERTIES
        IMPORTED_LOCATION ${NW_${name}_LIBRARY}
        INTERFACE_INCLUDE_DIRECTORIES ${NW_${name}_INCLUDE_DIR})
endfunction()

nw_import_library(expat expat.h expat)        # GraphML (Debian: libexpat1-dev)
nw_import_library(cjson cjson/cJSON.h cjson)  # JSON (libcjson-dev)
nw_import_library(csv csv.h csv)              # CSV (libcsv-dev)
nw_import_library(nettle nettle/hmac.h nettle) # HMAC-SHA-256 for pseudonyms (nettle-dev)
nw_import_library(ck ck_hs.h ck)              # the actor name index, ck_hs (libck-dev)

set(NW_PRIVATE_LIBS Threads::Threads nw_dep::expat nw_dep::cjson nw_dep::csv nw_dep::nettle nw_dep::ck)
find_library(NW_LIBM m)  # exp2, sqrt; part of libc on some systems
if(NW_LIBM)
    list(APPEND NW_PRIVATE_LIBS m)
endif()

# For netzwerk.pc (libcsv ships no .pc file).
set(NW_PC_REQUIRES_PRIVATE "expat libcjson nettle ck")
set(NW_PC_LIBS_PRIVATE -lcsv ${CMAKE_THREAD_LIBS_INIT})
if(NW_LIBM)
    list(APPEND NW_PC_LIBS_PRIVATE -lm)
endif()
list(JOIN NW_PC_LIBS_PRIVATE " " NW_PC_LIBS_PRIVATE)
