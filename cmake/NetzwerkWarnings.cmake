# nw_target_warnings(<target>)
#
# The project's warning set for code we write (library, tests, examples);
# NW_WERROR turns the warnings into errors. Not for generated code (SWIG
# wrappers), which warns under -Wextra.
function(nw_target_warnings target)
    target_compile_options(${target} PRIVATE
        -Wall -Wextra -Wpedantic
        -Wshadow -Wstrict-prototypes -Wmissing-prototypes
        $<$<BOOL:${NW_WERROR}>:-Werror>)
endfunction()
