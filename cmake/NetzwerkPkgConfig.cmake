# netzwerk.pc, relocatable: libdir and includedir are built from ${prefix}
# when the GNUInstallDirs paths are relative, and used as they are when
# absolute. The prefix itself is written at install time, so that
# `cmake --install build --prefix /somewhere` gets a correct file too.

foreach(kind IN ITEMS LIBDIR INCLUDEDIR)
    if(IS_ABSOLUTE "${CMAKE_INSTALL_${kind}}")
        set(NW_PC_${kind} "${CMAKE_INSTALL_${kind}}")
    else()
        set(NW_PC_${kind} "\${prefix}/${CMAKE_INSTALL_${kind}}")
    endif()
endforeach()

# First pass (now): everything but the prefix, which stays a placeholder.
set(NW_PC_PREFIX "@NW_PC_PREFIX@")
configure_file(${PROJECT_SOURCE_DIR}/netzwerk.pc.in ${PROJECT_BINARY_DIR}/netzwerk.pc.stage @ONLY)

# Second pass (install time): the prefix the install really goes to.
set(NW_PC_FILE ${PROJECT_BINARY_DIR}/pkgconfig/netzwerk.pc)
install(CODE "
    set(NW_PC_PREFIX \"\${CMAKE_INSTALL_PREFIX}\")
    configure_file(\"${PROJECT_BINARY_DIR}/netzwerk.pc.stage\" \"${NW_PC_FILE}\" @ONLY)
")
install(FILES ${NW_PC_FILE} DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
