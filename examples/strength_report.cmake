# The network-strength report example (issue 4); it builds the quickstart's
# network with example_network.c. Add to examples/CMakeLists.txt:
#     include(${CMAKE_CURRENT_SOURCE_DIR}/strength_report.cmake)
add_executable(strength_report ${CMAKE_CURRENT_LIST_DIR}/strength_report.c
                               ${CMAKE_CURRENT_LIST_DIR}/example_network.c)
target_link_libraries(strength_report PRIVATE netzwerk)
nw_target_warnings(strength_report)

if(BUILD_TESTING)
    add_test(NAME example_strength_report COMMAND strength_report)
    set_tests_properties(example_strength_report PROPERTIES LABELS example)
endif()
